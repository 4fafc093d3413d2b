using System.Globalization;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;

using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Normal traffic that resembles an incident must stay quiet at default settings.</summary>
public sealed class BenignLookAlikeTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OrdinaryTraffic_ThreeDaysWithDiurnalPeaks_RaisesNothing()
    {
        var events = new TrafficBuilder(10) { Assets = ["USDT", "ETH", "USDC"], EventsPerHour = 120, StartingBalanceUsd = 3_000_000m }.Between(Day0, Day0.AddDays(3));

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void MonthEndInstitutionalPayouts_ToTheirUsualAddresses_RaiseNothing()
    {
        // Twelve institutions, each paid $1.5M to its usual address a day or two before, take $2-2.8M each within three
        // hours at month end: $28M out of a hot wallet whose customers withdraw $800 at a time. Routine withdrawals (an
        // account, an address paid at least half as much before the 12-hour window) are left out of the volume tests.
        var hot = Addresses.Evm("hot-wallet");
        var events = InstitutionalPayouts(hot, usual: true);

        Assert.DoesNotContain(ScenarioRun.Of(events).Changes, c => c.Kind == AlertChangeKind.Raised && c.Alert.WindowEnd >= MonthEnd);
    }

    [Fact]
    public void MonthEndPayouts_ToAddressesNeverPaid_StillRaiseRapidDrain()
    {
        // The control: the same payouts to addresses the platform never paid are not routine, and the volume tests see them.
        var hot = Addresses.Evm("hot-wallet");
        var events = InstitutionalPayouts(hot, usual: false);

        Assert.Contains(ScenarioRun.Of(events).Changes, c => c.Kind == AlertChangeKind.Raised && c.Alert.Rule == RuleIds.RapidDrain && c.Alert.WindowEnd >= MonthEnd);
    }

    private static readonly DateTimeOffset MonthEnd = Day0.AddDays(2).AddHours(9);

    private static List<WithdrawalEvent> InstitutionalPayouts(string hot, bool usual)
    {
        var events = new TrafficBuilder(31) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 60 }.Between(Day0, Day0.AddDays(2).AddHours(12)).ToList();
        for (var i = 0; i < 12; i++)
        {
            var address = Addresses.Evm($"institution-{i}");
            events.Add(EventBuilder.Withdrawal().Id($"earlier-{i}").From(hot).Usd(1_500_000m).Account($"inst-{i}").To(address).At(Day0.AddHours(2 + (2 * i))));
            events.Add(EventBuilder.Withdrawal().Id($"month-end-{i}").From(hot).Usd(2_000_000m + (75_000m * i)).Account($"inst-{i}")
                .To(usual ? address : Addresses.Evm($"institution-new-{i}")).At(MonthEnd.AddMinutes(15 * i)));
        }

        return events;
    }

    [Fact]
    public void MarketWideRush_FourTimesTheUsualWithdrawalsAcrossAssets_RaisesNothing()
    {
        var hot = Addresses.Evm("hot");
        var normal = new TrafficBuilder(11) { Wallet = hot, Assets = ["USDT", "ETH", "USDC", "BTC"], EventsPerHour = 80 };
        var rush = new TrafficBuilder(12) { Wallet = hot, Assets = ["USDT", "ETH", "USDC", "BTC"], EventsPerHour = 80, RateMultiplier = 3 };
        var events = normal.Between(Day0, Day0.AddDays(3)).Concat(rush.Between(Day0.AddDays(2).AddHours(9), Day0.AddDays(2).AddHours(12)));

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void MarketWideRush_WithWhalesMovingToNewSelfCustodyAddresses_RaisesNothing()
    {
        var hot = Addresses.Evm("hot");
        var normal = new TrafficBuilder(17, customers: 20_000) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 400, MedianUsd = 900 };
        var rush = new TrafficBuilder(18, customers: 20_000) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 400, MedianUsd = 900, RateMultiplier = 3 };
        var panic = Day0.AddDays(2).AddHours(9);
        var events = normal.Between(Day0, Day0.AddDays(3)).Concat(rush.Between(panic, panic.AddHours(3))).ToList();
        for (var i = 0; i < 4; i++)
        {
            events.Add(EventBuilder.Withdrawal().From(hot).Usd(300_000m + (i * 40_000m)).To(Addresses.Evm($"new-cold-storage-{i}")).Account($"acct-whale-{i}").At(panic.AddMinutes(20 + (9 * i))));
        }

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Theory]
    [InlineData(0.3, false, false)]
    [InlineData(0.05, false, true)]
    [InlineData(0.05, true, false)]
    public void RunOnTheExchange_WhalesLeavingForNewAddressesOverHours_AreNotATrickleWhileTheirShareOfTheOutflowIsSmall(double minShare, bool withAccounts, bool caught)
    {
        // Eight hours of four times the usual withdrawals, among them twenty customers taking $60,000 (30x the usual size) each
        // to a new address, never three in an hour: as many chunks as a trickle, but a small part of what the rush moves.
        // On an exchange whose events carry no accounts only the share keeps them apart, so with the share lowered the same
        // traffic is reported; where they carry accounts, customers' withdrawals are not a trickle's legs at all.
        var hot = Addresses.Evm("hot");
        var normal = new TrafficBuilder(22) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 100, MedianUsd = 900, WithAccounts = withAccounts };
        var rush = new TrafficBuilder(23) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 100, MedianUsd = 900, RateMultiplier = 3, WithAccounts = withAccounts };
        var panic = Day0.AddDays(2).AddHours(8);
        var events = normal.Between(Day0, Day0.AddDays(3)).Concat(rush.Between(panic, panic.AddHours(8))).ToList();
        for (var i = 0; i < 20; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leaving-{i:D2}").From(hot).Usd(60_000m).To(Addresses.Evm($"self-custody-{i}")).Account(withAccounts ? $"acct-leaving-{i}" : null).At(panic.AddMinutes(24 * i)));
        }

        var rules = RulesFileLoader.Parse($$"""{ "defaults": { "rapidDrain": { "longLargeLegsMinShare": {{minShare.ToString(CultureInfo.InvariantCulture)}} } } }""", "test rules");
        var run = ScenarioRun.Of(events, rules);

        Assert.Equal(caught, run.Alerts.Any(a => a.Summary.Contains("of the outflow", StringComparison.Ordinal)));
        Assert.Equal(caught ? 1 : 0, run.Alerts.Count);
    }

    [Theory]
    [InlineData(0.3, false)]
    [InlineData(0, true)]
    public void BatchedPayouts_ADaysQueuedWithdrawalsPaidInOneRun_AreNotLargeLegsWhileTheirShareIsSmall(double minShare, bool caught)
    {
        // A wallet that pays its customers once a day: a day's 2,400 requests go out within minutes at midnight. Before
        // any history, 56 of the first batch's withdrawals are at least the $50,000 cold-start leg size and go to addresses
        // never paid before, $5.1 million: as many as a drain's legs, but 27% of the batch. Only the share keeps them apart.
        var hot = Addresses.Evm("batching-hot-wallet");
        var requests = new TrafficBuilder(31, customers: 20_000) { Wallet = hot, Assets = ["BTC"], EventsPerHour = 100, MedianUsd = 2_500, Sigma = 1.5 }
            .Between(Day0, Day0.AddDays(3)).ToList();
        var paid = requests.Select((e, i) => e with
        {
            EventId = $"payout-{i:D5}",
            Timestamp = e.Timestamp.UtcDateTime.Date.AddDays(1) + TimeSpan.FromSeconds(i % 3_600 / 10.0),
        });

        var rules = RulesFileLoader.Parse($$"""{ "defaults": { "rapidDrain": { "largeLegsMinShare": {{minShare.ToString(CultureInfo.InvariantCulture)}} } } }""", "test rules");
        var run = ScenarioRun.Of(paid.OrderBy(e => e.Timestamp), rules);

        Assert.Equal(caught, run.Alerts.Any(a => a.Details.Measure == "USD in unusually large withdrawals to new addresses, excluding the largest"));
        Assert.Equal(caught ? 1 : 0, run.Alerts.Count);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void RunOnTheExchange_LegsFarAboveTheLearnedSize_CountAsDrainLegsOnlyWhenTheHourIsOrdinary(int sizeOfTheRush, bool caught)
    {
        // Three days of $4,000 withdrawals, 40 an hour, then an hour of 100 withdrawals plus five of $100,000 (25x the learned
        // size) to new addresses. When the hundred are of the usual size, the five are a drain's legs. When customers are
        // withdrawing twice the usual size (a run on the exchange), 25x the learned size is 12.5x the hour's: not outsized.
        var hot = Addresses.Evm("hot");
        var events = new List<WithdrawalEvent>();
        var id = 0;
        for (var t = Day0; t < Day0.AddDays(3); t = t.AddSeconds(90))
        {
            events.Add(EventBuilder.Withdrawal().Id($"n-{id++}").From(hot).Usd(4_000m).To(Addresses.Evm($"customer-{id % 500}")).At(t));
        }

        var rush = Day0.AddDays(3);
        for (var i = 0; i < 100; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"r-{i}").From(hot).Usd(4_000m * sizeOfTheRush).To(Addresses.Evm($"customer-{i % 500}")).At(rush.AddSeconds(30 * i)));
        }

        for (var i = 0; i < 5; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"big-{i}").From(hot).Usd(100_000m).To(Addresses.Evm($"new-{i}")).At(rush.AddMinutes(25 + (5 * i))));
        }

        var alerts = ScenarioRun.Of(events.OrderBy(e => e.Timestamp)).Alerts;

        Assert.Equal(caught, alerts.Any(a => a.Details.Measure == "USD in unusually large withdrawals to new addresses, excluding the largest"));
        Assert.Equal(caught ? 1 : 0, alerts.Count);
    }

    [Fact]
    public void MarketWideRush_WithBalancesReported_HotWalletsRunDownFasterThanRefilled_RaisesNothing()
    {
        // A bank run: four times the usual withdrawals for three hours, each asset's hot wallet losing over half its balance
        // within an hour before the refill comes. Ordinary withdrawals explain the whole drop.
        var panic = Day0.AddDays(2).AddHours(9);
        var events = new TrafficBuilder(19, customers: 20_000)
        {
            Assets = ["USDT", "ETH", "USDC"], EventsPerHour = 300, MedianUsd = 900, StartingBalanceUsd = 1_500_000m, Rush = (panic, panic.AddHours(3), 4),
        }.Between(Day0, Day0.AddDays(3)).ToList();
        Assert.True(LargestHourlyBalanceDrop(events) >= 0.5, "the rush must halve a reported balance within an hour");

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void NewlyListedAsset_BusyFirstHoursWithBalancesReported_RaisesNothing()
    {
        var hot = Addresses.Evm("hot");
        var established = new TrafficBuilder(20) { Wallet = hot, Assets = ["USDT"], StartingBalanceUsd = 3_000_000m }.Between(Day0, Day0.AddDays(2));
        var listing = new TrafficBuilder(21) { Wallet = hot, Assets = ["NEWT"], EventsPerHour = 300, MedianUsd = 400, StartingBalanceUsd = 500_000m }
            .Between(Day0.AddDays(1).AddHours(12), Day0.AddDays(2)).ToList();
        Assert.True(LargestHourlyBalanceDrop(listing) >= 0.5, "the listing's withdrawals must halve its hot wallet within an hour");

        var run = ScenarioRun.Of(established.Concat(listing));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void WhaleAtABusyExchange_ThreeLegsToItsNewCustodyAddressWithinAnHour_RaisesNothing()
    {
        // $900,000 into one new address is a burst for a small venue, but here it is about an hour of ordinary outflow:
        // the bar for legs into one new address is twice the wallet's normal outflow.
        var hot = Addresses.Evm("hot");
        var custody = Addresses.Evm("whale-new-custody");
        var events = new TrafficBuilder(24, customers: 20_000) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 400, MedianUsd = 900 }.Between(Day0, Day0.AddDays(3)).ToList();
        for (var i = 0; i < 3; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"whale-{i}").From(hot).Usd(300_000m).To(custody).Account("acct-whale").At(Day0.AddDays(2).AddHours(11).AddMinutes(10 * i)));
        }

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void WhaleRoutine_DailyMultiMillionWithdrawalToItsUsualAddress_RaisesNothing()
    {
        var hot = Addresses.Evm("hot");
        var whaleAddress = Addresses.Evm("whale-cold-storage");
        var events = new TrafficBuilder(13) { Wallet = hot, Assets = ["USDT"], StartingBalanceUsd = 40_000_000m }.Between(Day0, Day0.AddDays(4)).ToList();
        for (var day = 0; day < 4; day++)
        {
            events.Add(EventBuilder.Withdrawal().From(hot).Usd(3_500_000m + (day * 250_000m)).To(whaleAddress).Account("acct-whale").Balance(30_000_000m).At(Day0.AddDays(day).AddHours(10)));
        }

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void WhaleRoutine_EmptyingAThinlyFundedHotWalletToItsUsualAddress_RaisesNothing()
    {
        var hot = Addresses.Evm("thin-hot");
        var whale = Addresses.Evm("whale-usual");
        var events = new List<WithdrawalEvent>();
        for (var day = 0; day < 3; day++)
        {
            // Refilled to $1M each morning; the whale takes $950,000 of it to the same address every day.
            events.Add(EventBuilder.Withdrawal().From(hot).Usd(950_000m).Balance(50_000m).To(whale).Account("acct-whale").At(Day0.AddDays(day).AddHours(9)));
        }

        var run = ScenarioRun.Of(events);

        Assert.Equal(1, run.Alerts.Count(a => a.WindowEnd < Day0.AddDays(1)));
        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd >= Day0.AddDays(1));
    }

    [Fact]
    public void NewlyListedAsset_BusyFirstDay_RaisesNothing()
    {
        var hot = Addresses.Evm("hot");
        var established = new TrafficBuilder(14) { Wallet = hot, Assets = ["USDT"] }.Between(Day0, Day0.AddDays(2));
        var listing = new TrafficBuilder(15) { Wallet = hot, Assets = ["NEWT"], EventsPerHour = 250, MedianUsd = 400 }.Between(Day0.AddDays(1).AddHours(12), Day0.AddDays(2));

        var run = ScenarioRun.Of(established.Concat(listing));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void Rebalancing_LargeTransfersToThePlatformsOwnWallets_AreInternalNotWithdrawals()
    {
        var hot = Addresses.Evm("hot");
        var cold = Addresses.Evm("cold");
        var vault = Addresses.Evm("allow-listed-vault");
        var checksumLike = "0x" + vault[2..].ToUpperInvariant();
        var rules = RulesFileLoader.Parse("{\"platforms\":{\"northwind-exchange\":{\"internalWallets\":[\"" + checksumLike + "\"]}}}", "test");
        var events = new TrafficBuilder(16) { Wallet = hot, Assets = ["USDT"] }.Between(Day0, Day0.AddDays(2)).ToList();
        events.Add(EventBuilder.Withdrawal().From(cold).To(hot).Usd(50_000_000m).Balance(1_000m).At(Day0.AddDays(1).AddHours(3)));
        events.Add(EventBuilder.Withdrawal().From(hot).To(vault).Usd(20_000_000m).Balance(100m).At(Day0.AddDays(1).AddHours(4)));

        var run = ScenarioRun.Of(events, rules);

        Assert.Empty(run.Alerts);
        Assert.Equal(2, run.Engine.Counters.InternalTransfers);
    }

    [Fact]
    public void Rebalancing_SweepToAKnownWalletBeforeItFirstSends_IsInternal()
    {
        // The cold wallet's first refill comes after the sweep into it; told beforehand that the platform owns it (a replay
        // reads its file's source wallets first), the engine does not take the sweep for a withdrawal.
        var hot = Addresses.Evm("hot");
        var cold = Addresses.Evm("cold");
        var events = new TrafficBuilder(16) { Wallet = hot, Assets = ["USDT"] }.Between(Day0, Day0.AddDays(2)).ToList();
        events.Add(EventBuilder.Withdrawal().Id("sweep").From(hot).To(cold).Usd(20_000_000m).At(Day0.AddDays(1).AddHours(3)));
        events.Add(EventBuilder.Withdrawal().Id("refill").From(cold).To(hot).Usd(5_000_000m).At(Day0.AddDays(1).AddHours(7)));
        var ordered = events.OrderBy(e => e.Timestamp).ToList();

        var told = ScenarioRun.Of([]);
        told.Engine.AddKnownWallets("northwind-exchange", [hot, "0x" + cold[2..].ToUpperInvariant()]);
        told.Feed(ordered);
        var learning = ScenarioRun.Of(ordered);

        Assert.Empty(told.Alerts);
        Assert.Equal(2, told.Engine.Counters.InternalTransfers);
        Assert.Equal("sweep", Assert.Single(learning.Alerts).TriggerEventId);
    }

    [Fact]
    public void AddKnownWallets_AfterThePlatformsFirstEvent_IsRefused()
    {
        var run = ScenarioRun.Of([EventBuilder.Withdrawal().At(Day0)]);

        var ex = Assert.Throws<InvalidOperationException>(() => run.Engine.AddKnownWallets("northwind-exchange", [Addresses.Evm("cold")]));

        Assert.Equal("known wallets of 'northwind-exchange' must be given before its first event", ex.Message);
    }

    [Fact]
    public void RoundAmountsToOwnAddress_RepeatedOneEthWithdrawals_AreNotMixerUsage()
    {
        var events = Enumerable.Range(0, 8).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Asset("ETH").Units(1m, 3000m).Account("acct-7").To(Addresses.Evm("acct-7-wallet")).At(Day0.AddHours(i)));

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void SharedDepositAddress_OnMemoChain_ManyAccountsToOneAddress_IsNotFanIn()
    {
        var exchangeDeposit = "rExchangeDepositAddress1234567890";
        var events = Enumerable.Range(0, 12).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Chain("ripple").Asset("XRP").Usd(500m).Account($"acct-{i}").To(exchangeDeposit).At(Day0.AddMinutes(3 * i)));

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    /// <summary>The largest fall of a reported balance within one hour, between refills, over any wallet/asset.</summary>
    private static double LargestHourlyBalanceDrop(IEnumerable<WithdrawalEvent> events)
    {
        var largest = 0.0;
        foreach (var series in events.Where(e => e.BalanceAfter is not null).GroupBy(e => (e.SourceWallet, e.Asset)))
        {
            var ordered = series.OrderBy(e => e.Timestamp).ToList();
            var start = 0;
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].BalanceAfter > ordered[i - 1].BalanceAfter)
                {
                    start = i; // refilled: a new run-down starts here
                    continue;
                }

                while (ordered[i].Timestamp - ordered[start].Timestamp > TimeSpan.FromHours(1))
                {
                    start++;
                }

                var before = ordered[start].BalanceAfter!.Value + ordered[start].Amount;
                largest = Math.Max(largest, (double)((before - ordered[i].BalanceAfter!.Value) / before));
            }
        }

        return largest;
    }
}
