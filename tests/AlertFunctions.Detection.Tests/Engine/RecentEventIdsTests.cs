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

    [Theory]
    [InlineData(1_000, 700)]
    [InlineData(100, 250)]
    [InlineData(100, 180)]
    public void ExpectedIds_TablesHoldThemWithoutGrowing(int capacity, int expected)
    {
        var ids = new RecentEventIds(capacity, expected);
        var slots = ids.Slots;

        for (var i = 0; i < expected; i++)
        {
            Assert.True(ids.TryAdd($"evt-{i}"));
        }

        Assert.Equal(slots, ids.Slots);
        // Without the hint the same ids grow the tables from their first size.
        var growing = new RecentEventIds(capacity);
        var first = growing.Slots;
        for (var i = 0; i < expected; i++)
        {
            growing.TryAdd($"evt-{i}");
        }

        Assert.True(growing.Slots > first);
        Assert.Equal(slots, growing.Slots);
    }

    [Fact]
    public void ExpectedIds_MoreThanTwiceTheCapacity_MakeNoTableLargerThanTheCapacityNeeds()
    {
        Assert.Equal(new RecentEventIds(100, expectedIds: 200).Slots, new RecentEventIds(100, expectedIds: 1_000_000).Slots);
    }

    [Fact]
    public void ExpectedIds_RightOrWrong_ChangeNothingRemembered()
    {
        // Ids with repeats near and far (within and beyond the capacity): every hint gives the same answers.
        var random = new Random(20261129);
        var sequence = Enumerable.Range(0, 3_000).Select(i => $"evt-{(random.Next(4) == 0 ? random.Next(Math.Max(1, i)) : i)}").ToList();
        var expected = Answers(new RecentEventIds(500));

        foreach (var hint in new long[] { 1, 499, 500, 1_000, sequence.Count, 1_000_000 })
        {
            Assert.Equal(expected, Answers(new RecentEventIds(500, hint)));
        }

        List<bool> Answers(RecentEventIds ids) => sequence.Select(ids.TryAdd).ToList();
    }

    [Fact]
    public void TryAdd_EventIdsDifferingInCase_AreDistinct()
    {
        var ids = new RecentEventIds(capacity: 10);
        ids.TryAdd("evt-A");

        Assert.True(ids.TryAdd("evt-a"));
    }

    [Fact]
    public void TryAdd_AfterCapacityMoreIds_StillRemembersTheEarlierGeneration_AndForgetsItOneGenerationLater()
    {
        var ids = new RecentEventIds(capacity: 3);
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            Assert.True(ids.TryAdd(id));
        }

        // 'a' is five ids back: more than the capacity, less than twice it, so still remembered.
        Assert.False(ids.TryAdd("a"));

        Assert.True(ids.TryAdd("f"));

        // The generation holding a, b and c has been cleared; d, e and f are the last three and remembered.
        Assert.True(ids.TryAdd("a"));
        Assert.False(ids.TryAdd("d"));
        Assert.False(ids.TryAdd("f"));
    }

    [Fact]
    public void TryAdd_Duplicate_DoesNotTakeASlot()
    {
        var ids = new RecentEventIds(capacity: 3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            ids.TryAdd(id);
        }

        // Were duplicates counted, these would fill the generation and push 'a' out.
        ids.TryAdd("d");
        ids.TryAdd("d");

        Assert.False(ids.TryAdd("a"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4_096)]
    public void TryAdd_LongStream_AlwaysRemembersTheLastCapacityIds_AndNeverMoreThanTwiceThat(int capacity)
    {
        var ids = new RecentEventIds(capacity);
        for (var n = 0; n < 10 * capacity + 7; n++)
        {
            Assert.True(ids.TryAdd($"evt-{n}"));
            Assert.False(ids.TryAdd($"evt-{n - (n % capacity)}"));
        }

        var last = 10 * capacity + 6;
        for (var n = last; n > last - capacity; n--)
        {
            Assert.False(ids.TryAdd($"evt-{n}"));
        }

        for (var n = last - 2 * capacity; n >= 0; n--)
        {
            Assert.True(ids.TryAdd($"evt-{n}"), $"evt-{n} is more than twice the capacity back and should be forgotten");
        }

        Assert.Equal(capacity, ids.Capacity);
    }

    [Fact]
    public void Constructor_DefaultCapacity_AllocatesLittleUntilIdsArrive()
    {
        // One engine per partition and platform: a quiet platform must not cost the megabytes a full memory takes.
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ids = new RecentEventIds(65_536);
        ids.TryAdd("evt-1");

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 1, 8 * 1024);
    }

    [Theory]
    [InlineData(65_536, 5_000, RecentEventIds.MaxSaved)]
    [InlineData(10, 25, 10)]
    public void Restore_LatestOfAnother_RecognisesExactlyTheIdsItKept(int capacity, int added, int kept)
    {
        var original = new RecentEventIds(capacity);
        for (var i = 0; i < added; i++)
        {
            Assert.True(original.TryAdd($"evt-{i}"));
        }

        var restored = new RecentEventIds(capacity);
        restored.Restore(original.Latest());

        Assert.Equal(kept, original.Latest().Count());
        Assert.False(restored.TryAdd($"evt-{added - 1}"));
        Assert.False(restored.TryAdd($"evt-{added - kept}"));
        Assert.True(restored.TryAdd($"evt-{added - kept - 1}"));
    }

    [Fact]
    public void Constructor_CapacityBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentEventIds(0));
    }
}
