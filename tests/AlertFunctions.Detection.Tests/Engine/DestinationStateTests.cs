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
        state.RecordAccount("acct-1", ("e1", null), Start, Start);
        state.RecordAccount("acct-2", ("e2", null), Start.AddMinutes(1), Start);

        state.StartAfresh(Start.AddDays(1));

        Assert.Equal((0, Start.AddDays(1)), (state.AssetCount, state.FirstSeen));
        Assert.Equal(2, state.DistinctAccounts);
        Assert.Equal(Start.AddMinutes(1), state.OtherAccountsLastSent![0]);
    }
}
