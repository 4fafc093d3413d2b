using System.Reflection;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Tests.Engine.Scenarios;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class DestinationStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddAsset_SameAssetTwiceAndAnother_CountsTwoAssetsAndSumsAllUsd()
    {
        var state = new DestinationState("p", Addresses.Evm("thief"), Start);

        state.AddAsset("ETH", 100m);
        state.AddAsset("USDT", 50m);
        var (count, usd) = state.AddAsset("ETH", 25m);

        Assert.Equal((2, 175m), (count, usd));
        Assert.Equal([("ETH", 125m), ("USDT", 50m)], state.Assets![..state.AssetCount]);
    }

    [Fact]
    public void AddAsset_MoreAssetsThanKept_KeepsTheFirstMaximumAndLeavesTheRestOutOfTheTotal()
    {
        var state = new DestinationState("p", Addresses.Evm("thief"), Start);

        for (var i = 0; i < DestinationState.MaxAssets; i++)
        {
            state.AddAsset($"A{i}", 1m);
        }

        var (count, usd) = state.AddAsset("ONE-TOO-MANY", 1_000m);

        Assert.Equal((DestinationState.MaxAssets, (decimal)DestinationState.MaxAssets), (count, usd));
        Assert.Equal(Enumerable.Range(0, DestinationState.MaxAssets).Select(i => $"A{i}"), state.Assets![..state.AssetCount].Select(a => a.Asset));
    }

    [Fact]
    public void StartAfresh_OnADestinationPaidOnce_AllocatesNothing()
    {
        // Most destinations never use the uncommon members; clearing them must not create the object that holds them.
        var state = new DestinationState("p", Addresses.Evm("customer"), Start);
        state.StartAfresh(Start.AddDays(1));
        var before = GC.GetAllocatedBytesForCurrentThread();

        state.StartAfresh(Start.AddDays(2));
        state.FanInEpisode = null;
        state.WatchlistEpisode = null;

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal((0, 0, null), (state.AssetCount, state.OtherAccountCount, state.KeyTransfers));
    }

    [Fact]
    public void StartAfresh_AfterAssetsAndAccounts_ClearsWhatWasReceivedWhileNewAndKeepsTheAccounts()
    {
        var state = new DestinationState("p", Addresses.Evm("collector"), Start);
        state.AddAsset("ETH", 100m);
        state.RecordAccount("acct-1", ("e1", default), Start, Start);
        state.RecordAccount("acct-2", ("e2", default), Start.AddMinutes(1), Start);

        state.StartAfresh(Start.AddDays(1));

        Assert.Equal((0, Start.AddDays(1)), (state.AssetCount, state.FirstSeen));
        Assert.Equal(2, state.DistinctAccounts);
        Assert.Equal(Start.AddMinutes(1), state.OtherAccountsLastSent![0]);
    }

    [Fact]
    public void Reuse_StateWithEveryFieldSet_LeavesEveryFieldAsANewStateHasItButDirty()
    {
        // A field added to the state and not cleared by Reuse would carry one destination's history into another's.
        var used = new DestinationState("p1", Addresses.Evm("old"), Start)
        {
            LastSeen = Start.AddHours(1), Dirty = true, MaxReceivedUsd = 5m, ReceivedCount = 2, FreshUsd = 3m, FreshCount = 1, FreshLegsUsd = 4m, FreshLegs = 1,
        };
        used.RecordAccount("acct-1", ("e1", TransactionHash.From("tx1")), Start, Start);
        used.RecordAccount("acct-2", ("e2", TransactionHash.From("tx2")), Start, Start);
        var fresh = new DestinationState("p2", Addresses.Evm("new"), Start.AddDays(9));
        Assert.All(Fields(), f => Assert.False(Equals(f.GetValue(used), f.GetValue(fresh)), $"the test leaves {f.Name} as a new state has it"));

        var reused = used.Reuse("p2", Addresses.Evm("new"), Start.AddDays(9));

        Assert.Same(used, reused);
        Assert.All(Fields().Where(f => f.Name != "<Dirty>k__BackingField"), f => Assert.True(Equals(f.GetValue(reused), f.GetValue(fresh)), $"{f.Name} kept its old value"));
        Assert.True(reused.Dirty);
    }

    private static IEnumerable<FieldInfo> Fields()
    {
        for (var type = typeof(DestinationState); type != typeof(object); type = type.BaseType!)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
