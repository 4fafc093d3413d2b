using AlertFunctions.Storage.Checkpoints;

namespace AlertFunctions.Storage.Tests;

public sealed class PartitionPositionTests
{
    private static readonly DateTimeOffset Applied = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly PartitionPosition Position = new(1000, Applied);

    [Theory]
    [InlineData(999, -1)]
    [InlineData(1000, 0)]
    [InlineData(1000, -60_000)]
    public void Includes_AtOrBelowAndNotEnqueuedLater_IsTrue(long sequenceNumber, int millisecondsAfter)
    {
        Assert.True(Position.Includes(sequenceNumber, Applied.AddMilliseconds(millisecondsAfter)));
        Assert.False(Position.StartsNumberingAgain(sequenceNumber, Applied.AddMilliseconds(millisecondsAfter)));
    }

    [Fact]
    public void Includes_AboveTheSequenceNumber_IsFalseWhateverTheEnqueuedTime()
    {
        Assert.False(Position.Includes(1001, Applied.AddDays(-1)));
        Assert.False(Position.StartsNumberingAgain(1001, Applied.AddDays(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void StartsNumberingAgain_AtOrBelowButEnqueuedLater_IsTrueAndNotIncluded(long sequenceNumber)
    {
        var later = Applied.AddTicks(1);

        Assert.True(Position.StartsNumberingAgain(sequenceNumber, later));
        Assert.False(Position.Includes(sequenceNumber, later));
    }

    [Fact]
    public void Includes_PositionOrEventWithoutEnqueuedTime_JudgesBySequenceNumberAlone()
    {
        var withoutTime = new PartitionPosition(1000, null);

        Assert.True(withoutTime.Includes(0, Applied.AddYears(1)));
        Assert.True(Position.Includes(0, null));
        Assert.False(withoutTime.StartsNumberingAgain(0, Applied.AddYears(1)));
    }

    [Fact]
    public void After_NextEvent_TakesItsNumberAndTheLaterEnqueuedTime()
    {
        Assert.Equal(new PartitionPosition(1001, Applied.AddSeconds(1)), Position.After(1001, Applied.AddSeconds(1)));
        // An event enqueued a little earlier than the last one must not lower the bound a redelivery is judged against.
        Assert.Equal(new PartitionPosition(1001, Applied), Position.After(1001, Applied.AddSeconds(-1)));
        Assert.Equal(new PartitionPosition(1001, Applied), new PartitionPosition(1000, null).After(1001, Applied));
    }

    [Fact]
    public void After_EventWithoutEnqueuedTime_LeavesTheTimeUnknown()
    {
        Assert.Equal(new PartitionPosition(1001, null), Position.After(1001, null));
    }

    [Fact]
    public void After_NumberingStartedAgain_MovesBackToTheNewNumberAndItsTime()
    {
        var restarted = Applied.AddMinutes(5);

        var after = Position.After(0, restarted);

        Assert.Equal(new PartitionPosition(0, restarted), after);
        Assert.True(after.Includes(0, restarted));
        Assert.False(after.Includes(1, restarted.AddMilliseconds(1)));
    }
}
