using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class StateTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan IdleLimit = TimeSpan.FromDays(1);

    [Fact]
    public void TryTakeEvicted_AfterASweepDroppedIdleStates_HandsEachBackOnceAndNeverOneStillHeld()
    {
        var table = new StateTable<int, DestinationState>(EqualityComparer<int>.Default, IdleLimit, keepsEvicted: true);
        var idle = Enumerable.Range(0, 4_095).Select(i => Add(table, i, Start)).ToList();
        Assert.False(table.TryTakeEvicted(out _));

        var held = Add(table, -1, Start.AddDays(2)); // the 4,096th insert sweeps

        var taken = new List<DestinationState>();
        while (table.TryTakeEvicted(out var state))
        {
            taken.Add(state);
        }

        Assert.Equal(1, table.Count);
        Assert.Equal(idle.ToHashSet(), taken.ToHashSet());
        Assert.Equal(idle.Count, taken.Count);
        Assert.DoesNotContain(held, taken);
    }

    [Fact]
    public void TryTakeEvicted_TableThatKeepsNone_IsFalseAfterASweep()
    {
        var table = new StateTable<int, DestinationState>(EqualityComparer<int>.Default, IdleLimit);
        for (var i = 0; i < 4_095; i++)
        {
            Add(table, i, Start);
        }

        Add(table, -1, Start.AddDays(2));

        Assert.Equal(1, table.Count);
        Assert.False(table.TryTakeEvicted(out _));
    }

    private static DestinationState Add(StateTable<int, DestinationState> table, int key, DateTimeOffset time)
    {
        var state = new DestinationState("p", $"addr-{key}", time) { LastSeen = time };
        table.Add(key, state, time);
        return state;
    }
}
