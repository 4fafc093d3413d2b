using System.Net.Sockets;
using AlertFunctions.Teams.Cards;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;
using Polly.Registry;
using Polly.Timeout;

namespace AlertFunctions.Teams.Delivery;

/// <summary>
/// Posts a message to the Teams Workflows webhook through the retrying, throttled pipeline and reports what happened.
/// Failures come back as a <see cref="TeamsDeliveryResult"/> rather than an exception, so the caller can record and re-queue;
/// only the caller's own cancellation is thrown. The webhook URL is never logged or put into an error.
/// </summary>
public sealed class TeamsWebhookClient
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _webhook;
    private readonly ILogger<TeamsWebhookClient> _logger;

    public TeamsWebhookClient(
        HttpClient http,
        ResiliencePipelineProvider<string> pipelines,
        IOptions<TeamsOptions> options,
        ILogger<TeamsWebhookClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _http = http;
        _pipeline = pipelines.GetPipeline<HttpResponseMessage>(TeamsResiliencePipeline.Key);
        _webhook = Uri.TryCreate(options.Value.WebhookUrl, UriKind.Absolute, out var webhook)
            ? webhook
            : throw new ArgumentException("Teams:WebhookUrl must be an absolute URI.", nameof(options));
        _logger = logger;
    }

    public async Task<TeamsDeliveryResult> PostAsync(TeamsMessagePayload payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length > TeamsMessagePayload.MaxBytes)
        {
            var error = $"The message is {payload.Length} bytes; Teams accepts at most {TeamsMessagePayload.MaxBytes}.";
            TeamsDeliveryLog.Refused(_logger, error);
            return new TeamsDeliveryResult(false, null, 0, error);
        }

        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var request = new HttpRequestMessage(HttpMethod.Post, _webhook) { Content = payload.CreateContent() };
                    return await _http.SendAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                TeamsDeliveryLog.Delivered(_logger, status, attempts);
                return new TeamsDeliveryResult(true, status, attempts, null);
            }

            return Failure(status, attempts, $"Teams answered {status} ({response.StatusCode}).", exception: null);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure(null, attempts, $"No answer from Teams within {ex.Timeout}.", ex);
        }
        catch (HttpRequestException ex)
        {
            return Failure(null, attempts, $"Network error reaching Teams ({Describe(ex)}).", ex);
        }
        catch (RateLimiterRejectedException ex)
        {
            return Failure(null, attempts, "The client-side throttle queue is full.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure(null, attempts, "The request to Teams was cancelled.", ex);
        }
    }

    // The socket's own text ("Connection refused") says why; the exception's message would add the host and port.
    private static string Describe(HttpRequestException error)
    {
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException socket)
            {
                return $"{error.HttpRequestError}: {socket.Message}";
            }
        }

        return error.HttpRequestError.ToString();
    }

    private TeamsDeliveryResult Failure(int? status, int attempts, string error, Exception? exception)
    {
        TeamsDeliveryLog.Failed(_logger, exception, attempts, error);
        return new TeamsDeliveryResult(false, status, attempts, error);
    }
}
