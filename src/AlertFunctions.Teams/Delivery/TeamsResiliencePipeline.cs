using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;

namespace AlertFunctions.Teams.Delivery;

/// <summary>
/// The delivery pipeline, outermost first: total timeout, then retry (Retry-After on 429/503, else exponential back-off with
/// jitter on 5xx, 408, 429 and network errors), then the client-side throttle, then the per-attempt timeout. The throttle sits
/// inside the retry so that retries are paced too.
/// </summary>
internal static class TeamsResiliencePipeline
{
    public const string Key = "teams-webhook";

    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        TeamsOptions options,
        RateLimiter throttle,
        TimeProvider timeProvider,
        ILogger logger)
    {
        builder.AddTimeout(options.TotalTimeout);

        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfterDelay.From(args.Outcome.Result, timeProvider.GetUtcNow(), options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    TeamsDeliveryLog.Retrying(logger, args.Outcome.Exception, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddRateLimiter(throttle);
        builder.AddTimeout(options.AttemptTimeout);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) || outcome.Exception is RateLimiterRejectedException;

    // Status code or exception type only: exception messages can carry the endpoint, and this text goes into logs.
    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"status {(int)response.StatusCode}",
        { Exception: HttpRequestException ex } => $"network error {ex.HttpRequestError}",
        { Exception: { } ex } => ex.GetType().Name,
        _ => "unknown",
    };
}
