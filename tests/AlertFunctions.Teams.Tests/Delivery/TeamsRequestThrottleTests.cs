using AlertFunctions.Teams.Delivery;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Teams.Tests.Delivery;

public sealed class TeamsRequestThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcquireAsync_WithinBurst_IsGrantedAtOnce()
    {
        using var throttle = new TeamsRequestThrottle(4, _time);

        for (var i = 0; i < 4; i++)
        {
            var pending = throttle.AcquireAsync(CancellationToken.None);
            Assert.True(pending.IsCompletedSuccessfully);
            using var lease = await pending;
            Assert.True(lease.IsAcquired);
        }
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(4, 250)]
    [InlineData(50, 20)]
    public async Task AcquireAsync_BeyondBurst_WaitsOneOverTheLimitSeconds(int perSecond, int expectedWaitMs)
    {
        using var throttle = new TeamsRequestThrottle(perSecond, _time);
        for (var i = 0; i < perSecond; i++)
        {
            (await throttle.AcquireAsync(CancellationToken.None)).Dispose();
        }

        var waiting = throttle.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(expectedWaitMs - 1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(waiting.IsCompletedSuccessfully);
        using var lease = await waiting;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_Throws()
    {
        using var throttle = new TeamsRequestThrottle(1, _time);
        (await throttle.AcquireAsync(CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = throttle.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
