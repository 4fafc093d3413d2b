using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class RecentEventIdsTests
{
    [Fact]
    public void TryAdd_NewId_ReturnsTrue_AndTheSameIdAgain_ReturnsFalse()
    {
        var ids = new RecentEventIds(capacity: 10);

        Assert.True(ids.TryAdd("evt-1"));
        Assert.False(ids.TryAdd("evt-1"));
        Assert.False(ids.TryAdd("evt-1"));
    }

    [Fact]
    public void TryAdd_EventIdsDifferingInCase_AreDistinct()
    {
        var ids = new RecentEventIds(capacity: 10);
        ids.TryAdd("evt-A");

        Assert.True(ids.TryAdd("evt-a"));
    }

    [Fact]
    public void TryAdd_AtCapacity_EvictsTheOldestFirst()
    {
        var ids = new RecentEventIds(capacity: 3);
        ids.TryAdd("a");
        ids.TryAdd("b");
        ids.TryAdd("c");

        Assert.True(ids.TryAdd("d"));

        Assert.False(ids.TryAdd("b"));
        Assert.False(ids.TryAdd("c"));
        Assert.False(ids.TryAdd("d"));
        Assert.True(ids.TryAdd("a"));

        // Re-adding 'a' evicted 'b', the oldest remaining.
        Assert.True(ids.TryAdd("b"));
    }

    [Fact]
    public void TryAdd_Duplicate_DoesNotTakeASlot()
    {
        var ids = new RecentEventIds(capacity: 2);
        ids.TryAdd("a");
        ids.TryAdd("b");
        ids.TryAdd("a");

        ids.TryAdd("c");

        Assert.False(ids.TryAdd("b"));
        Assert.False(ids.TryAdd("c"));
        Assert.True(ids.TryAdd("a"));
    }

    [Fact]
    public void TryAdd_LongStream_RemembersExactlyTheLastCapacityIds()
    {
        const int capacity = 100;
        var ids = new RecentEventIds(capacity);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(ids.TryAdd($"evt-{i}"));
        }

        for (var i = 999; i >= 900; i--)
        {
            Assert.False(ids.TryAdd($"evt-{i}"));
        }

        Assert.True(ids.TryAdd("evt-899"));
        Assert.Equal(capacity, ids.Capacity);
    }
}
