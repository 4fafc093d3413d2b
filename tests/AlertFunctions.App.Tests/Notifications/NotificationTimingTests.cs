using AlertFunctions.App.Notifications;

namespace AlertFunctions.App.Tests.Notifications;

public sealed class NotificationTimingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(7, 30)]
    [InlineData(int.MaxValue, 30)]
    public void RetryDelay_ByFailedAttempts_DoublesFromOneMinuteUpToHalfAnHour(int failedAttempts, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), NotificationTiming.RetryDelay(failedAttempts));
    }

    [Fact]
    public void RetryDelay_NoFailedAttempt_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationTiming.RetryDelay(0));
    }

    [Fact]
    public void QueueGrace_IsOneSweepPeriod()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), NotificationTiming.QueueGrace);
    }
}
