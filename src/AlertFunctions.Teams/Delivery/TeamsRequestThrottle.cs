using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Teams.Delivery;

/// <summary>
/// A process-wide token bucket in front of every webhook request (retries included): Workflows throttles above about
/// 4 requests per second, and being throttled costs more time than waiting here. A burst of up to the limit goes at once;
/// after that one token comes back every 1/limit seconds.
/// </summary>
/// <remarks>
/// <see cref="TokenBucketRateLimiter"/> keeps its own clock (even its manual mode measures elapsed time with a stopwatch),
/// so this pace cannot follow an injected <see cref="TimeProvider"/>; it is tested against real time with loose lower bounds.
/// </remarks>
public sealed class TeamsRequestThrottle : IDisposable
{
    // Waiters beyond this are refused (and retried by the pipeline) rather than queued without bound.
    private const int QueueLimit = 10_000;

    private readonly TokenBucketRateLimiter _limiter;

    public TeamsRequestThrottle(IOptions<TeamsOptions> options)
        : this(options?.Value.MaxRequestsPerSecond ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    internal TeamsRequestThrottle(int maxRequestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequestsPerSecond, 1);
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = maxRequestsPerSecond,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / maxRequestsPerSecond),
            AutoReplenishment = true,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    internal RateLimiter Limiter => _limiter;

    internal ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
