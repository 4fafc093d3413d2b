using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class RecentEventIdsTests
{
    [Fact]
    public void TryAdd_NewPair_ReturnsTrue_AndTheSamePairAgain_ReturnsFalse()
    {
        var ids = new RecentEventIds(capacity: 10);

        Assert.True(ids.TryAdd("northwind", "evt-1"));
        Assert.False(ids.TryAdd("northwind", "evt-1"));
        Assert.False(ids.TryAdd("northwind", "evt-1"));
    }

    [Fact]
    public void TryAdd_SameEventIdOnAnotherPlatform_IsNotADuplicate()
    {
        var ids = new RecentEventIds(capacity: 10);
        ids.TryAdd("northwind", "evt-1");

        Assert.True(ids.TryAdd("contoso", "evt-1"));
    }

    [Fact]
    public void TryAdd_EventIdsDifferingInCase_AreDistinct()
    {
        var ids = new RecentEventIds(capacity: 10);
        ids.TryAdd("northwind", "evt-A");

        Assert.True(ids.TryAdd("northwind", "evt-a"));
        Assert.True(ids.TryAdd("Northwind", "evt-A"));
    }

    [Fact]
    public void TryAdd_AtCapacity_EvictsTheOldestFirst()
    {
        var ids = new RecentEventIds(capacity: 3);
        ids.TryAdd("p", "a");
        ids.TryAdd("p", "b");
        ids.TryAdd("p", "c");

        Assert.True(ids.TryAdd("p", "d"));

        Assert.False(ids.TryAdd("p", "b"));
        Assert.False(ids.TryAdd("p", "c"));
        Assert.False(ids.TryAdd("p", "d"));
        Assert.True(ids.TryAdd("p", "a"));

        // Re-adding 'a' evicted 'b', the oldest remaining.
        Assert.True(ids.TryAdd("p", "b"));
    }

    [Fact]
    public void TryAdd_Duplicate_DoesNotTakeASlot()
    {
        var ids = new RecentEventIds(capacity: 2);
        ids.TryAdd("p", "a");
        ids.TryAdd("p", "b");
        ids.TryAdd("p", "a");

        ids.TryAdd("p", "c");

        Assert.False(ids.TryAdd("p", "b"));
        Assert.False(ids.TryAdd("p", "c"));
        Assert.True(ids.TryAdd("p", "a"));
    }

    [Fact]
    public void TryAdd_LongStream_RemembersExactlyTheLastCapacityIds()
    {
        const int capacity = 100;
        var ids = new RecentEventIds(capacity);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(ids.TryAdd("p", $"evt-{i}"));
        }

        for (var i = 999; i >= 900; i--)
        {
            Assert.False(ids.TryAdd("p", $"evt-{i}"));
        }

        Assert.True(ids.TryAdd("p", "evt-899"));
        Assert.Equal(capacity, ids.Capacity);
    }
}
