using AlertFunctions.Teams.Delivery;
using Xunit;

namespace AlertFunctions.Teams.Tests.Delivery;

public sealed class TeamsRequestThrottleTests
{
    [Fact]
    public async Task AcquireAsync_WithinBurst_IsGrantedAtOnce()
    {
        using var throttle = new TeamsRequestThrottle(4);

        for (var i = 0; i < 4; i++)
        {
            var pending = throttle.AcquireAsync(CancellationToken.None);
            Assert.True(pending.IsCompletedSuccessfully);
            using var lease = await pending;
            Assert.True(lease.IsAcquired);
        }
    }

    [Fact]
    public async Task AcquireAsync_BeyondBurst_WaitsForTheNextTokenThenIsGranted()
    {
        // One token per second: the third request has to wait for a replenishment (and the test stays far from any race).
        using var throttle = new TeamsRequestThrottle(1);
        (await throttle.AcquireAsync(CancellationToken.None)).Dispose();

        var waiting = throttle.AcquireAsync(CancellationToken.None).AsTask();

        Assert.False(waiting.IsCompleted);
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_Throws()
    {
        using var throttle = new TeamsRequestThrottle(1);
        (await throttle.AcquireAsync(CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = throttle.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
