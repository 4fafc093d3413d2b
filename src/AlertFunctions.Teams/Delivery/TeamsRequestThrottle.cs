using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Teams.Delivery;

/// <summary>
/// A process-wide token bucket in front of every webhook request (retries included): Workflows throttles above about
/// 4 requests per second, and being throttled costs more time than waiting here. A burst of up to the limit goes at once;
/// after that one token comes back every 1/limit seconds.
/// </summary>
public sealed class TeamsRequestThrottle : IDisposable
{
    // Waiters beyond this are refused (and retried by the pipeline) rather than queued without bound.
    private const int QueueLimit = 10_000;

    private readonly ClockedTokenBucket _bucket;

    public TeamsRequestThrottle(IOptions<TeamsOptions> options, TimeProvider time)
        : this(options?.Value.MaxRequestsPerSecond ?? throw new ArgumentNullException(nameof(options)), time)
    {
    }

    internal TeamsRequestThrottle(int maxRequestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequestsPerSecond, 1);
        _bucket = new ClockedTokenBucket(
            limit: maxRequestsPerSecond,
            period: TimeSpan.FromTicks(TimeSpan.TicksPerSecond / maxRequestsPerSecond),
            queueLimit: QueueLimit,
            time);
    }

    internal RateLimiter Limiter => _bucket;

    internal ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _bucket.AcquireAsync(1, cancellationToken);

    public void Dispose() => _bucket.Dispose();
}
