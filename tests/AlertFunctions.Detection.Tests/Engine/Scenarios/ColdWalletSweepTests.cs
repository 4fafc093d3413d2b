using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A cold wallet's transfers are refills of the platform's hot wallets, which are internal, so it never builds a history of
/// withdrawals: its first withdrawal out of the platform is judged against the $1,000,000 floor, not the $5,000,000 one for
/// a wallet without history.
/// </summary>
public sealed class ColdWalletSweepTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("USDT", 3_100_000)]
    [InlineData("ETH", 1_200_000)]
    public void ColdWalletThatOnlyRefilledHotOnes_SweptUnderTheColdStartFloorWithoutBalances_IsCaught(string sweptAsset, int usd)
    {
        var (events, cold) = TwoDaysOfRefills(seed: 3);
        events.Add(EventBuilder.Withdrawal().Id("sweep").From(cold).Asset(sweptAsset).Usd(usd).To(Addresses.Evm("sweeper")).At(Day0.AddDays(2).AddHours(3)));

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal((RuleIds.LargeWithdrawal, "sweep", 1_000_000m), (alert.Rule, alert.TriggerEventId, alert.Details.Threshold));
        Assert.Contains("only moved funds to the platform's own wallets", alert.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void ColdWalletThatOnlyRefilledHotOnes_DrainedInLegsUnderTheFloorEvery35Minutes_IsCaughtAtTheThirdLeg(int seed, bool withBalances)
    {
        // $900,000 legs, each under the $1,000,000 floor, never three in an hour, each to a new address: judged as a wallet
        // without history, the legs had to reach the $10,000,000 cold-start floor over 12 hours (leg 13, seven hours in).
        // A wallet that only ever refilled the platform's own wallets pays nobody outside in the ordinary course.
        var (events, cold) = TwoDaysOfRefills(seed);
        for (var i = 0; i < 16; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i:D2}").From(cold).Usd(900_000m).Balance(withBalances ? 100_000_000m - (900_000m * (i + 1)) : null)
                .To(Addresses.Evm($"drain-{seed}-{i}")).At(Day0.AddDays(2).AddHours(3).AddMinutes(35 * i)));
        }

        var run = ScenarioRun.Of(events);

        var first = run.Changes.First(c => c.Kind == AlertChangeKind.Raised).Alert;
        Assert.Equal((RuleIds.RapidDrain, "leg-02"), (first.Rule, first.TriggerEventId));
        Assert.Contains("only moved funds to the platform's own wallets", first.Summary, StringComparison.Ordinal);
        Assert.Single(run.Alerts);
    }

    [Fact]
    public void ColdWalletPayingOut_SurvivesARestartBetweenItsLegs()
    {
        // What marks the cold wallet is learned at its first leg; a restart after it must keep it, or the third leg is missed.
        var (events, cold) = TwoDaysOfRefills(seed: 3);
        for (var i = 0; i < 4; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i:D2}").From(cold).Usd(900_000m).To(Addresses.Evm($"drain-{i}")).At(Day0.AddDays(2).AddHours(3).AddMinutes(35 * i)));
        }

        var ordered = RestartReplay.InTimeOrder(events, new Random(1), jitter: false);
        var cut = ordered.FindIndex(e => e.EventId == "leg-01");

        var (_, afterCut) = RestartReplay.AssertRestartChangesNothing(ordered, cut, "cold wallet after its first leg");

        Assert.Contains(afterCut, c => c.Kind == AlertChangeKind.Raised && c.Alert.TriggerEventId == "leg-02");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ColdWallet_SettlingTwiceWithNewCounterparties_RaisesNothing(int seed)
    {
        // Two OTC settlements from cold storage within the hour, $900,000 each to new addresses: fewer than three legs.
        var (events, cold) = TwoDaysOfRefills(seed);
        events.Add(EventBuilder.Withdrawal().Id("otc-1").From(cold).Usd(900_000m).To(Addresses.Evm("otc-desk-1")).At(Day0.AddDays(2).AddHours(1)));
        events.Add(EventBuilder.Withdrawal().Id("otc-2").From(cold).Usd(900_000m).To(Addresses.Evm("otc-desk-2")).At(Day0.AddDays(2).AddHours(2)));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void HotWalletWhoseFirstTransferIsASweepToCold_OnAnExchangeWithoutAccounts_IsNoColdWalletPayingOut(int seed)
    {
        // Its customers' withdrawals carry no account either, so its first one outside looks like a key's transfer; among
        // them whales take $400,000-$600,000 to new addresses in its first hours. Its legs are a small part of its withdrawals.
        var hot = Addresses.Evm("young-hot");
        var cold = Addresses.Evm("cold");
        var events = new List<WithdrawalEvent>
        {
            EventBuilder.Withdrawal().Id("refill").From(cold).To(hot).Usd(4_000_000m).At(Day0),
            EventBuilder.Withdrawal().Id("to-cold").From(hot).To(cold).Usd(1_000_000m).At(Day0.AddMinutes(5)),
        };
        events.AddRange(new TrafficBuilder(seed) { Wallet = hot, WithAccounts = false }.Between(Day0.AddMinutes(10), Day0.AddHours(8)));
        for (var i = 0; i < 4; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"whale-{i}").From(hot).Usd(400_000m + (60_000m * i)).To(Addresses.Evm($"whale-new-{seed}-{i}")).At(Day0.AddHours(2 + i)));
        }

        Assert.DoesNotContain(ScenarioRun.Of(events).Alerts, a => a.Summary.Contains("only moved funds to the platform's own wallets", StringComparison.Ordinal));
    }

    [Fact]
    public void ColdWallet_AfterItsFirstWithdrawalOut_HasNoLowerFloor()
    {
        // Once it has sent funds out (an OTC settlement, say), it is judged like any wallet without history.
        var (events, cold) = TwoDaysOfRefills(seed: 4);
        events.Add(EventBuilder.Withdrawal().Id("otc").From(cold).Usd(400_000m).To(Addresses.Evm("otc-desk")).At(Day0.AddDays(2).AddHours(1)));
        events.Add(EventBuilder.Withdrawal().Id("second").From(cold).Usd(3_100_000m).To(Addresses.Evm("somewhere")).At(Day0.AddDays(2).AddHours(3)));

        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.LargeWithdrawal));
    }

    [Fact]
    public void HotWallet_ThatAlsoSweepsToColdStorage_KeepsTheColdStartFloor()
    {
        // A young hot wallet's first transfer is a sweep of its excess to cold storage; then it pays customers, one of them
        // a whale taking $3,000,000: a wallet that pays customers is no cold wallet.
        var hot = Addresses.Evm("young-hot");
        var cold = Addresses.Evm("cold");
        var events = new List<WithdrawalEvent>
        {
            EventBuilder.Withdrawal().Id("refill").From(cold).To(hot).Usd(4_000_000m).At(Day0),
            EventBuilder.Withdrawal().Id("to-cold").From(hot).To(cold).Usd(1_000_000m).At(Day0.AddMinutes(5)),
        };
        events.AddRange(new TrafficBuilder(5) { Wallet = hot }.Between(Day0.AddMinutes(10), Day0.AddHours(3)));
        events.Add(EventBuilder.Withdrawal().Id("whale").From(hot).Usd(3_000_000m).To(Addresses.Evm("whale-new")).Account("acct-whale").At(Day0.AddHours(3)));

        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.LargeWithdrawal));
    }

    [Fact]
    public void HotWallet_WhoseFirstTransferIsASweepToCold_ThenAWhaleWithAnAccount_KeepsTheColdStartFloor()
    {
        // Found by a review helper: the replay's first pass knows both wallets, and the hot wallet's first event is its
        // sweep of excess to cold storage. Its next, a whale's $3,000,000 with an account, is a customer's withdrawal, judged
        // as it would be without the sweep.
        var hot = Addresses.Evm("rev-hot");
        var cold = Addresses.Evm("rev-cold");
        foreach (var sweep in new[] { false, true })
        {
            var run = ScenarioRun.Of([]);
            run.Engine.AddKnownWallets("northwind-exchange", [hot, cold]);
            if (sweep)
            {
                run.Feed([EventBuilder.Withdrawal().Id("to-cold").From(hot).To(cold).Usd(2_000_000m).At(Day0)]);
            }

            run.Feed([EventBuilder.Withdrawal().Id("whale").From(hot).Usd(3_000_000m).To(Addresses.Evm("whale-new")).Account("acct-whale").At(Day0.AddMinutes(10))]);

            Assert.Empty(run.AlertsOf(RuleIds.LargeWithdrawal));
        }
    }

    [Fact]
    public void WhereAWalletSentFunds_SurvivesASnapshot_AndAnOlderSnapshotClaimsNothing()
    {
        var (events, cold) = TwoDaysOfRefills(seed: 5);
        var engine = ScenarioRun.Of(events).Engine;
        var platform = Assert.Single(engine.ExportAll(), e => e.Payload[1] == 'p');

        var restored = (PlatformState)DetectorStateCodec.Decode(platform, DetectionRules.Default);

        Assert.True(restored.OwnWallets.HasOnlyMovedFundsInternally(new AddressKey(cold)));
        Assert.False(restored.OwnWallets.HasOnlyMovedFundsInternally(new AddressKey(Addresses.Evm("hot"))));
        var older = (PlatformState)DetectorStateCodec.Decode(new DetectorStateEntry(platform.Key, [7, .. platform.Payload.AsSpan(1)]), DetectionRules.Default);
        Assert.False(older.OwnWallets.HasOnlyMovedFundsInternally(new AddressKey(cold)));
    }

    /// <summary>Two days of a hot wallet's customers (USDT and ETH, no balances), refilled from the cold wallet every six hours.</summary>
    private static (List<WithdrawalEvent> Events, string Cold) TwoDaysOfRefills(int seed)
    {
        var hot = Addresses.Evm("hot");
        var cold = Addresses.Evm("cold");
        var events = new TrafficBuilder(seed) { Wallet = hot, Assets = ["USDT", "ETH"] }.Between(Day0, Day0.AddDays(2).AddHours(4)).ToList();
        for (var i = 0; i < 8; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"refill-{i}").From(cold).Asset(i % 2 == 0 ? "USDT" : "ETH").Usd(2_000_000m).To(hot).At(Day0.AddHours(6 * i).AddMinutes(7)));
        }

        return (events, cold);
    }
}
