using System.Threading.RateLimiting;
using AlertFunctions.Teams.Delivery;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Teams.Tests.Delivery;

public sealed class ClockedTokenBucketTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AttemptAcquire_NewBucket_GrantsTheLimitAtOnceThenRefuses()
    {
        using var bucket = Bucket(limit: 3);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(bucket.AttemptAcquire().IsAcquired));
        Assert.False(bucket.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_BeyondTheLimit_WaitsExactlyOnePeriod()
    {
        using var bucket = Bucket(limit: 1);
        Assert.True(bucket.AttemptAcquire().IsAcquired);

        var waiting = bucket.AcquireAsync().AsTask();
        _time.Advance(Period - TimeSpan.FromTicks(1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromTicks(1));

        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.True((await waiting).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_ABurstOfSix_TwoAtOnceThenOnePerPeriodOldestFirst()
    {
        using var bucket = Bucket(limit: 2);
        var requests = Enumerable.Range(0, 6).Select(_ => bucket.AcquireAsync().AsTask()).ToArray();

        var grantedAfterEachPeriod = new List<int> { Granted(requests) };
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(Period);
            grantedAfterEachPeriod.Add(Granted(requests));
        }

        Assert.Equal([2, 3, 4, 5, 6, 6], grantedAfterEachPeriod);
        Assert.All(await Task.WhenAll(requests), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public void AcquireAsync_ClockJumpsSeveralPeriodsAtOnce_EveryWaiterOwedATokenIsServed()
    {
        using var bucket = Bucket(limit: 2);
        var requests = Enumerable.Range(0, 7).Select(_ => bucket.AcquireAsync().AsTask()).ToArray();

        // A timer that fires late (a paused process, a busy machine) sees three periods at once: three waiters are owed,
        // although the bucket itself never holds more than two.
        _time.Advance(Period * 3);
        Assert.Equal(5, Granted(requests));

        _time.Advance(Period * 10);
        Assert.Equal(7, Granted(requests));
        Assert.Equal(2, bucket.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void AcquireAsync_AfterALongIdleSpell_TheBurstIsStillOnlyTheLimit()
    {
        using var bucket = Bucket(limit: 2);
        _time.Advance(TimeSpan.FromMinutes(10));

        var requests = Enumerable.Range(0, 3).Select(_ => bucket.AcquireAsync().AsTask()).ToArray();

        Assert.Equal(2, Granted(requests));
        _time.Advance(Period);
        Assert.Equal(3, Granted(requests));
    }

    [Fact]
    public void AcquireAsync_TokenTakenPartWayThroughAPeriod_NextTokenComesOnTheOriginalBeat()
    {
        using var bucket = Bucket(limit: 2);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(bucket.AttemptAcquire().IsAcquired);

        // The first token has been coming back since it was taken, 300 ms ago: it is due in 200 ms, not 500.
        var waiting = bucket.AcquireAsync().AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void AttemptAcquire_WhileOthersWait_DoesNotJumpTheQueue()
    {
        using var bucket = Bucket(limit: 1);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        var waiting = bucket.AcquireAsync().AsTask();

        _time.Advance(Period);

        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.False(bucket.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_QueueFull_RefusedAtOnceAndCounted()
    {
        using var bucket = Bucket(limit: 1, queueLimit: 2);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        var queued = new[] { bucket.AcquireAsync().AsTask(), bucket.AcquireAsync().AsTask() };

        var refused = bucket.AcquireAsync();

        Assert.True(refused.IsCompletedSuccessfully);
        Assert.False((await refused).IsAcquired);
        Assert.All(queued, request => Assert.False(request.IsCompleted));
        var statistics = bucket.GetStatistics()!;
        Assert.Equal(2, statistics.CurrentQueuedCount);
        Assert.Equal(1, statistics.TotalFailedLeases);
        Assert.Equal(1, statistics.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndGivesItsTurnToTheNext()
    {
        using var bucket = Bucket(limit: 1);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        using var cancel = new CancellationTokenSource();
        var cancelled = bucket.AcquireAsync(1, cancel.Token).AsTask();
        var next = bucket.AcquireAsync().AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, bucket.GetStatistics()!.CurrentQueuedCount);
        _time.Advance(Period);

        Assert.True(next.IsCompletedSuccessfully);
        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_AlreadyCancelled_ThrowsWithoutTakingAToken()
    {
        using var bucket = Bucket(limit: 1);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bucket.AcquireAsync(1, cancel.Token).AsTask());

        Assert.Equal(1, bucket.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Dispose_WithWaiters_RefusesThemAndLaterRequestsThrow()
    {
        var bucket = Bucket(limit: 1);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        var waiting = bucket.AcquireAsync().AsTask();

        bucket.Dispose();

        Assert.False((await waiting).IsAcquired);
        Assert.Throws<ObjectDisposedException>(() => bucket.AttemptAcquire());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => bucket.AcquireAsync().AsTask());
    }

    [Fact]
    public void AcquireAsync_MoreThanTheLimit_Throws()
    {
        using var bucket = Bucket(limit: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.AttemptAcquire(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.AcquireAsync(3));
    }

    [Fact]
    public void GetStatistics_TracksTokensAsTheyComeBackUpToTheLimit()
    {
        using var bucket = Bucket(limit: 3);
        Assert.True(bucket.AttemptAcquire(3).IsAcquired);

        var available = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            available.Add(bucket.GetStatistics()!.CurrentAvailablePermits);
            _time.Advance(Period);
        }

        Assert.Equal([0, 1, 2, 3, 3], available);
    }

    [Fact]
    public void IdleDuration_CountsFromTheMomentTheBucketWasFullAgain()
    {
        using var bucket = Bucket(limit: 2);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), bucket.IdleDuration);

        Assert.True(bucket.AttemptAcquire(2).IsAcquired);
        Assert.Null(bucket.IdleDuration);

        // Full again one second later (two periods); read a quarter of a second after that.
        _time.Advance(TimeSpan.FromMilliseconds(1250));
        Assert.Equal(TimeSpan.FromMilliseconds(250), bucket.IdleDuration);
    }

    [Theory]
    [InlineData(0, 500, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 500, -1)]
    public void Ctor_InvalidSettings_Throw(int limit, int periodMs, int queueLimit) =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ClockedTokenBucket(limit, TimeSpan.FromMilliseconds(periodMs), queueLimit, TimeProvider.System));

    private ClockedTokenBucket Bucket(int limit, int queueLimit = 100) => new(limit, Period, queueLimit, _time);

    // How many requests hold a lease, checked to be the oldest ones: the queue is served in order.
    private static int Granted(Task<RateLimitLease>[] requests)
    {
        var granted = requests.Count(request => request.IsCompleted);
        Assert.All(requests[..granted], request => Assert.True(request.Result.IsAcquired));
        Assert.All(requests[granted..], request => Assert.False(request.IsCompleted));
        return granted;
    }
}
