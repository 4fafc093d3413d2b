using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Tests.Engine.Scenarios;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

/// <summary>
/// A platform's own state is one table row of at most ~760 KiB: what it holds must stay bounded by what is active, not grow
/// with the platform's history, or one day its save fails and, retried without end, holds the partition.
/// </summary>
public sealed class StateBoundsTests
{
    private const string Platform = "northwind-exchange";
    private static readonly DateTimeOffset Day0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PlatformState_TwoHundredWalletsAlertingSixHoursApart_KeepsOnlyTheRecentEpisodes()
    {
        var engine = NewEngine();
        var sink = new AlertChangeRecorder();
        for (var i = 0; i < 200; i++)
        {
            // A wallet seen for the first time sends $6,000,000 to a new address: large-withdrawal's cold-start floor.
            engine.Process(EventBuilder.Withdrawal().Id($"sweep-{i}").From(Addresses.Evm($"wallet-{i}")).Usd(6_000_000m).To(Addresses.Evm($"to-{i}")).At(Day0.AddHours(6 * i)), sink);
        }

        Assert.Equal(200, sink.Changes.Count(c => c.Kind == AlertChangeKind.Raised && c.Alert.Rule == RuleIds.LargeWithdrawal));
        // Kept, every episode would stay (200, about 1 KB each in the row); closed for over a day, they leave.
        Assert.InRange(PlatformOf(engine).LargeWithdrawalEpisodes.Count, 1, 8);
    }

    [Fact]
    public void PlatformState_FiveThousandRotatingSourceAddresses_KeepsAtMostTheCapacityAndEveryWalletInUse()
    {
        var engine = NewEngine();
        var sink = new AlertChangeRecorder();
        var hot = Addresses.Evm("hot");
        for (var i = 0; i < 5_000; i++)
        {
            // A producer reporting a UTXO wallet's input address as the source: a new "wallet" per withdrawal, and the hot
            // wallet itself every tenth time.
            var source = i % 10 == 0 ? hot : Addresses.Evm($"input-{i}");
            engine.Process(EventBuilder.Withdrawal().Id($"w-{i}").From(source).Usd(500m).To(Addresses.Evm($"customer-{i % 300}")).At(Day0.AddMinutes(i)), sink);
        }

        var platform = PlatformOf(engine);
        Assert.InRange(platform.OwnWallets.Count, RecentWallets.Capacity * 3 / 4, RecentWallets.Capacity);
        Assert.True(platform.OwnWallets.Contains(new AddressKey(hot)));
        Assert.True(platform.OwnWallets.Contains(new AddressKey(Addresses.Evm("input-4999"))));
        Assert.False(platform.OwnWallets.Contains(new AddressKey(Addresses.Evm("input-1"))));

        // A refill of the hot wallet is still rebalancing.
        var internalBefore = engine.Counters.InternalTransfers;
        engine.Process(EventBuilder.Withdrawal().Id("refill").From(Addresses.Evm("cold")).Usd(9_000_000m).To(hot).At(Day0.AddMinutes(5_000)), sink);
        Assert.Equal(internalBefore + 1, engine.Counters.InternalTransfers);
    }

    [Fact]
    public void PlatformState_ExportedAndImported_KeepsWhichWalletsAreMostRecent()
    {
        var engine = NewEngine();
        var sink = new AlertChangeRecorder();
        for (var i = 0; i < RecentWallets.Capacity; i++)
        {
            engine.Process(EventBuilder.Withdrawal().Id($"w-{i}").From(Addresses.Evm($"input-{i}")).Usd(500m).To(Addresses.Evm("customer")).At(Day0.AddMinutes(i)), sink);
        }

        var restored = NewEngine();
        restored.Import(engine.ExportAll());
        // One more wallet makes each engine drop its least recent quarter: the same quarter, so the exports stay equal.
        var next = EventBuilder.Withdrawal().Id("w-next").From(Addresses.Evm("input-next")).Usd(500m).To(Addresses.Evm("customer")).At(Day0.AddMinutes(RecentWallets.Capacity)).Build();
        engine.Process(next, sink);
        restored.Process(next, sink);

        var wallets = PlatformOf(restored).OwnWallets;
        Assert.True(wallets.Contains(new AddressKey(Addresses.Evm($"input-{RecentWallets.Capacity - 1}"))));
        Assert.False(wallets.Contains(new AddressKey(Addresses.Evm("input-0"))));
        Assert.Equal(PlatformEntry(engine).Payload, PlatformEntry(restored).Payload);
    }

    [Fact]
    public void UnvaluedAssets_ThreeHundredUnpricedAssetNames_CountsEveryEventAndNamesAtMostTheCap()
    {
        var engine = NewEngine();
        var sink = new AlertChangeRecorder();
        for (var i = 0; i < 300; i++)
        {
            engine.Process(EventBuilder.Withdrawal().Id($"token-{i}").Asset($"TOKEN{i}").Units(5m, usd: null).At(Day0.AddMinutes(i)), sink);
        }

        engine.Process(EventBuilder.Withdrawal().Id("priced").Asset("ETH").Units(5m, usd: null).At(Day0.AddHours(6)), sink);

        Assert.Equal(300, engine.Counters.Unvalued);
        Assert.Equal(DetectionEngine.MaxUnvaluedAssetsNamed, engine.UnvaluedAssets.Count);
        Assert.Contains("TOKEN0", engine.UnvaluedAssets);
        Assert.DoesNotContain("ETH", engine.UnvaluedAssets);
    }

    private static DetectionEngine NewEngine() => new(DetectionRules.Default, new Watchlist(WatchlistCsvReader.ReadEmbeddedDefault()));

    private static DetectorStateEntry PlatformEntry(DetectionEngine engine) => engine.ExportAll().Single(e => e.Key == StateKeys.Platform(Platform));

    private static PlatformState PlatformOf(DetectionEngine engine) => (PlatformState)DetectorStateCodec.Decode(PlatformEntry(engine), DetectionRules.Default);
}
