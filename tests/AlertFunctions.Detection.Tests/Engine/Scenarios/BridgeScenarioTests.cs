using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Bridges at default settings: their users withdraw to addresses the platform never paid, in sizes spanning four orders of
/// magnitude, so "a new address" and "a large withdrawal" say less than on an exchange. Thefts shaped like the bridge hacks
/// of 2022–2024 must still be caught early, and a busy router network must not look like one.
/// </summary>
public sealed class BridgeScenarioTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Chains = ["ethereum", "fantom", "moonriver", "dogechain", "kava"];
    private static readonly string[] RouterAssets = ["USDC", "USDT", "WETH", "WBTC"];

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void RouterNetwork_UsersOrdinaryLargeWithdrawalsOnThreePairsWithinHalfAnHour_RaiseNoMultiAssetDrain(int seed)
    {
        // Five routers, four assets each, three withdrawals an hour per pair. A withdrawal of a few hundred thousand dollars
        // to a user's new address comes about once an hour across the twenty pairs; three of them within 30 minutes, each
        // under five times what its pair routinely sends, are users, not a compromised key. (In the first hours, before the
        // pairs have a baseline, any $250,000 to a new address still counts: a known gap.)
        var run = ScenarioRun.Of(Routers(seed, Day0.AddDays(6), withBalances: seed % 2 == 0));

        Assert.DoesNotContain(run.AlertsOf(RuleIds.MultiAssetDrain), a => a.WindowEnd >= Day0.AddDays(1));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void BusyBridgeDay_FourteenTimesTheUsersAndWhalesToTheirNewAddresses_RaisesNoRapidDrain(int seed)
    {
        // Three ordinary days, then a day with 400 more withdrawals an hour from 20,000 users new to the bridge, and five
        // whales taking $2-9M each to addresses of their own. The heavy tail brings several withdrawals of 20x the usual size
        // to new addresses every hour: users, as many as the bridge's share of rare withdrawals predicts for such a day.
        // (The whales may each raise large-withdrawal: a first multi-million withdrawal to a new address, a known gap.)
        var bridge = Addresses.Evm("busy-bridge");
        string[] assets = ["USDC", "USDT", "ETH", "WBTC"];
        var busyDay = Day0.AddDays(3);
        var events = BridgeTraffic.Of(seed, "busy-bridge", bridge, assets, Day0, Day0.AddDays(5), eventsPerHour: 60, startingBalanceUsd: seed % 2 == 0 ? 200_000_000m : null).ToList();
        events.AddRange(new TrafficBuilder(seed + 7, customers: 20_000) { Platform = "busy-bridge", Wallet = bridge, Assets = assets, EventsPerHour = 400, MedianUsd = 4_000, Sigma = 1.8, MaxUsd = 5_000_000 }
            .Between(busyDay, busyDay.AddDays(1)).Select(e => e with { PlatformType = PlatformType.Bridge, AccountId = e.DestinationAddress }));
        var sizes = new Random(seed);
        for (var i = 0; i < 5; i++)
        {
            var whale = Addresses.Evm($"whale-{seed}-{i}");
            events.Add(EventBuilder.Withdrawal().Id($"whale-{i}").Platform("busy-bridge").From(bridge).Asset(i % 2 == 0 ? "USDC" : "ETH").Usd(sizes.Next(2_000, 9_000) * 1_000m)
                .To(Addresses.Evm($"whale-new-{seed}-{i}")).Account(whale).At(busyDay.AddHours(8 + (2 * i)).AddMinutes(sizes.Next(60))).Build() with { PlatformType = PlatformType.Bridge });
        }

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.AlertsOf(RuleIds.RapidDrain));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void PoolExploit_EachLegToItsOwnFreshAddress_IsCaughtWithinFiveLegs(int seed)
    {
        // A busy DeFi pool (80 withdrawals an hour, no balances) drained by one exploit contract in ten legs of $400,000-
        // $900,000 a minute apart, each to an address of its own. Only the large-leg count sees it; it must stay beyond
        // the pool's users, as the busy bridge day must not (the bound on what users bring is generous, not blind).
        var pool = Addresses.Evm("pool-eth-usdc");
        var attack = Day0.AddDays(3).AddHours(14).AddMinutes(7);
        var events = BridgeTraffic.Of(seed, "contoso-defi", pool, ["USDC", "WETH"], Day0, attack.AddHours(8), type: PlatformType.Defi, eventsPerHour: 80, maxUsd: 3_000_000).ToList();
        var sizes = new Random(seed);
        for (var i = 0; i < 10; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").Platform("contoso-defi").From(pool).Asset("USDC").Usd(sizes.Next(400, 900) * 1_000m)
                .To(Addresses.Evm($"fresh-{seed}-{i}")).Account(Addresses.Evm("exploit-contract")).At(attack.AddMinutes(i)).Build() with { PlatformType = PlatformType.Defi });
        }

        var run = ScenarioRun.Of(events);

        var raised = run.Changes.First(c => c.Kind == AlertChangeKind.Raised && c.Alert.WindowEnd >= attack).Alert;
        Assert.Equal(RuleIds.RapidDrain, raised.Rule);
        Assert.StartsWith("leg-", raised.TriggerEventId);
        Assert.True(string.CompareOrdinal(raised.TriggerEventId, "leg-5") < 0, $"raised at {raised.TriggerEventId}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void NomadShape_HundredsOfCopycatsEachTakingTheSameAmount_IsCaughtWithinTheFirstTenCopycats(int seed)
    {
        // Nomad 2022: once the exploit was public, hundreds of addresses replayed it, each initiating its own withdrawal to
        // itself for the amount the first one took of its asset. Every copycat is a new "account" and a new destination, no
        // balances; the per-pair hour's volume at many times the usual size gives it away.
        var bridge = Addresses.Evm("nomad");
        string[] assets = ["USDC", "WETH", "WBTC", "DAI"];
        decimal[] amounts = [202_000m, 280_000m, 2_000_000m, 100_000m];
        var attack = Day0.AddDays(3).AddHours(14).AddMinutes(7);
        var events = BridgeTraffic.Of(seed, "nomad", bridge, assets, Day0, attack.AddHours(8)).ToList();
        var pick = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var copycat = Addresses.Evm($"copycat-{seed}-{i}");
            var k = pick.Next(assets.Length);
            events.Add(EventBuilder.Withdrawal().Id($"copy-{i:D3}").Platform("nomad").From(bridge).Asset(assets[k]).Usd(amounts[k]).To(copycat).Account(copycat)
                .At(attack.AddSeconds((i * 36) + pick.Next(30))).Build() with { PlatformType = PlatformType.Bridge });
        }

        var run = ScenarioRun.Of(events);

        var raised = run.Changes.Where(c => c.Kind == AlertChangeKind.Raised && c.Alert.WindowEnd >= attack).Select(c => c.Alert).ToList();
        Assert.NotEmpty(raised);
        Assert.StartsWith("copy-", raised[0].TriggerEventId);
        Assert.True(string.CompareOrdinal(raised[0].TriggerEventId, "copy-010") < 0, $"raised at {raised[0].TriggerEventId}");
        Assert.Contains(run.Alerts, a => a.Severity == Severity.Critical && a.WindowEnd >= attack);
    }

    [Fact]
    public void OrbitShape_FiveAssetsToFiveNewAddressesInHalfAnHour_RaisesLargeWithdrawalAtTheFirstAndMultiAssetAtTheThird()
    {
        // Orbit bridge 2024: USDT, ETH, USDC, WBTC and DAI, $10-30M each, one fresh address per asset, seven minutes apart.
        var bridge = Addresses.Evm("orbit");
        var attack = Day0.AddDays(3).AddHours(14).AddMinutes(7);
        var events = BridgeTraffic.Of(1, "orbit", bridge, ["USDT", "USDC", "ETH", "WBTC", "DAI"], Day0, attack.AddHours(8), eventsPerHour: 10).ToList();
        (string Asset, decimal Usd)[] legs = [("USDT", 30_000_000m), ("ETH", 21_500_000m), ("USDC", 10_000_000m), ("WBTC", 10_000_000m), ("DAI", 10_000_000m)];
        for (var i = 0; i < legs.Length; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").Platform("orbit").From(bridge).Asset(legs[i].Asset).Usd(legs[i].Usd).To(Addresses.Evm($"orbit-thief-{i}"))
                .At(attack.AddMinutes(i * 7)).Build() with { PlatformType = PlatformType.Bridge });
        }

        var run = ScenarioRun.Of(events);

        var large = Assert.Single(run.AlertsOf(RuleIds.LargeWithdrawal), a => a.WindowEnd >= attack);
        Assert.Equal(("leg-0", Severity.Critical), (large.TriggerEventId, large.Severity));
        var platform = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal("leg-2", run.Changes.First(c => c.Alert.AlertId == platform.AlertId).Alert.TriggerEventId);
    }

    private static IEnumerable<WithdrawalEvent> Routers(int seed, DateTimeOffset until, bool withBalances) =>
        Chains.SelectMany((chain, i) => BridgeTraffic.Of(
            (seed * 10) + i, "multichain", Router(chain), RouterAssets, Day0, until, chain: chain, eventsPerHour: 12, startingBalanceUsd: withBalances ? 200_000_000m : null));

    private static string Router(string chain) => Addresses.Evm($"router-{chain}");
}
