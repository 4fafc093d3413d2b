using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Cold-start legs in the balance-drop test (see <see cref="AlertFunctions.Detection.Engine.RuleEvaluators.ColdStartLegs"/>):
/// counted by the events alone, whatever their arrival order, the baseline or the rules enabled, and not for customers'
/// withdrawals.
/// </summary>
public sealed class ColdStartLegsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LateWithdrawal_RefusedByTheShortWindow_IsNotCountedAsAColdStartLeg()
    {
        // allowedLatenessSeconds may be up to 3600, the short window is 60 min: an event 59m55s behind the newest is accepted
        // into the long window but refused by the short one, so it is no leg of the short window.
        var rules = RulesFileLoader.Parse("""{"allowedLatenessSeconds":3600}""", "test");
        var hot = Addresses.Evm("late-hot");
        var balance = 560_000m;
        var early = EventBuilder.Withdrawal().Id("early-60k").From(hot).Asset("ETH").Usd(60_000m).Balance(balance -= 60_000m)
            .To(Addresses.Evm("otc-desk")).At(Day0.AddSeconds(10)).Build();
        var inOrder = new List<WithdrawalEvent>();
        for (var i = 0; i < 20; i++)
        {
            inOrder.Add(EventBuilder.Withdrawal().Id($"c-{i:D2}").From(hot).Asset("ETH").Usd(4_500m).Balance(balance -= 4_500m)
                .To(Addresses.Evm($"cust-{i}")).Account($"acct-{i}").At(Day0.AddMinutes(1 + (2 * i))));
        }

        inOrder.Add(EventBuilder.Withdrawal().Id("big-1").From(hot).Asset("ETH").Usd(90_000m).Balance(balance -= 90_000m).To(Addresses.Evm("big-1")).At(Day0.AddHours(1).AddSeconds(1)));
        inOrder.Add(EventBuilder.Withdrawal().Id("big-2").From(hot).Asset("ETH").Usd(90_000m).Balance(balance -= 90_000m).To(Addresses.Evm("big-2")).At(Day0.AddHours(1).AddSeconds(3)));
        inOrder.Add(EventBuilder.Withdrawal().Id("last").From(hot).Asset("ETH").Usd(3_000m).Balance(balance -= 3_000m).To(Addresses.Evm("cust-last")).At(Day0.AddHours(1).AddSeconds(5)));

        // Delivered in order: the $60,000 withdrawal left the hour long before the last event; nothing fires.
        var ordered = ScenarioRun.Of([early, .. inOrder], rules);
        Assert.Empty(ordered.AlertsOf(RuleIds.RapidDrain));

        // The same withdrawals, the $60,000 one delivered last (59m55s late, within the allowed lateness).
        var run = ScenarioRun.Of([], rules);
        run.Feed(inOrder);
        run.Engine.Process(early, run);
        Assert.Empty(run.AlertsOf(RuleIds.RapidDrain));
    }

    [Fact]
    public void MultiAssetDrain_InAPlatformsFirstHour_DoesNotDependOnRapidDrainBeingEnabled()
    {
        // Three tokens of one young hot wallet, each: ten customers' withdrawals, then three $60,000 legs to new addresses
        // (under rapid-drain's $250,000 floor per token, over multi-asset-drain's $500,000 together).
        var hot = Addresses.Evm("young-hot");
        var events = new List<WithdrawalEvent>();
        string[] assets = ["ETH", "USDC", "LINK"];
        for (var a = 0; a < assets.Length; a++)
        {
            var balance = 400_000m;
            for (var i = 0; i < 10; i++)
            {
                events.Add(EventBuilder.Withdrawal().Id($"{assets[a]}-c{i}").From(hot).Asset(assets[a]).Usd(3_000m).Balance(balance -= 3_000m)
                    .To(Addresses.Evm($"cust-{a}-{i}")).Account($"acct-{a}-{i}").At(Day0.AddMinutes(2 * i).AddSeconds(a)));
            }

            for (var i = 0; i < 3; i++)
            {
                events.Add(EventBuilder.Withdrawal().Id($"{assets[a]}-leg{i}").From(hot).Asset(assets[a]).Usd(60_000m).Balance(balance -= 60_000m)
                    .To(Addresses.Evm($"thief-{a}-{i}")).At(Day0.AddMinutes(30 + (3 * a) + i)));
            }
        }

        var withRapidDrain = ScenarioRun.Of(events);
        var withoutRapidDrain = ScenarioRun.Of(events, RulesFileLoader.Parse("""{"defaults":{"rapidDrain":{"enabled":false}}}""", "test"));
        // The third pair's third leg raises multi-asset-drain either way: the legs are counted as they arrive, not by rapid-drain.
        Assert.Single(withRapidDrain.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Single(withoutRapidDrain.AlertsOf(RuleIds.MultiAssetDrain));
    }

    [Fact]
    public void ProvisionalBaselineLapses_ItsSmallOutsizedMarks_DoNotCountAsColdStartLegs()
    {
        // History: 25 withdrawals of $1,000 in the first quarter hour, then silence. From 11:35 the provisional baseline
        // (mean $1,000) marks $48,000 withdrawals outsized (48x). At 12:00 that history leaves the 12-hour window: cold start
        // again. The hour then holds no withdrawal of $50,000 or more, so it holds no cold-start leg, and six withdrawals
        // credited with $50,000 each explain the $264,000.
        var hot = Addresses.Evm("lapsing-hot");
        var balance = 525_000m;
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < 25; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"h-{i:D2}").From(hot).Asset("ETH").Usd(1_000m).Balance(balance -= 1_000m)
                .To(Addresses.Evm($"cust-{i}")).Account($"acct-{i}").At(Day0.AddSeconds(30 * i)));
        }

        foreach (var (id, usd, at) in new[] { ("p-0", 48_000m, 11 * 60 + 35), ("p-1", 48_000m, 11 * 60 + 40), ("p-2", 48_000m, 11 * 60 + 45), ("c-0", 40_000m, 12 * 60 + 5), ("c-1", 40_000m, 12 * 60 + 10), ("c-2", 40_000m, 12 * 60 + 15) })
        {
            events.Add(EventBuilder.Withdrawal().Id(id).From(hot).Asset("ETH").Usd(usd).Balance(balance -= usd).To(Addresses.Evm($"dest-{id}")).At(Day0.AddMinutes(at)));
        }

        var run = ScenarioRun.Of(events);
        Assert.Empty(run.AlertsOf(RuleIds.RapidDrain));
    }

    [Fact]
    public void ProvisionalBaselineLapses_LegsTakenUnderItStillCountAsColdStartLegs()
    {
        // The other direction: a provisional baseline (mean $10,000) does not find $150,000 legs outsized (15x < 20x); at
        // 12:00 it lapses and the third leg is judged in cold start, which must count all three legs, as it would had the
        // whole hour been judged in cold start.
        var hot = Addresses.Evm("lapsing-hot-2");
        var balance = 1_150_000m;
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < 25; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"h-{i:D2}").From(hot).Asset("ETH").Usd(10_000m).Balance(balance -= 10_000m)
                .To(Addresses.Evm($"cust-{i}")).Account($"acct-{i}").At(Day0.AddSeconds(30 * i)));
        }

        // $900,000 before the hour. Ten customers' withdrawals of $5,000 from 11:20, legs at 11:40, 11:50 and 12:05.
        for (var i = 0; i < 10; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"c-{i}").From(hot).Asset("ETH").Usd(5_000m).Balance(balance -= 5_000m)
                .To(Addresses.Evm($"cust-{i}")).Account($"acct-{i}").At(Day0.AddHours(11).AddMinutes(20 + (4 * i))));
        }

        foreach (var (id, at) in new[] { ("leg-0", 11 * 60 + 40.5), ("leg-1", 11 * 60 + 50.5), ("leg-2", 12 * 60 + 5.5) })
        {
            events.Add(EventBuilder.Withdrawal().Id(id).From(hot).Asset("ETH").Usd(150_000m).Balance(balance -= 150_000m).To(Addresses.Evm("thief")).At(Day0.AddMinutes(at)));
        }

        var run = ScenarioRun.Of(events);
        var alert = Assert.Single(run.AlertsOf(RuleIds.RapidDrain));
        Assert.Equal("balance drop since window start", alert.Details.Measure);
    }

    [Theory]
    [InlineData(true, 5)]
    [InlineData(false, 5)]
    [InlineData(false, 8)]
    public void NewListing_AMarketMakerMovesItsInventoryInFourChunksToItsUsualAddress_StaysQuiet(bool withAccounts, int daysAgo)
    {
        // A token listed today: its hot wallet holds $700,000 and serves ~40 customers an hour. A market maker, whose address
        // the platform paid $100,000 of USDT days ago, withdraws $400,000 of the new token in four chunks of $100,000 (the
        // per-withdrawal limit) to that same address. With accounts they are customers' withdrawals. Without, they are
        // routine for an address paid before the long window; paid 8 days ago, the address has left the 7-day destination
        // memory and looks new, but an hour of withdrawals none of which carries an account keeps the flat credit.
        var hot = Addresses.Evm("listing-hot");
        var mm = Addresses.Evm("market-maker");
        var events = new List<WithdrawalEvent>
        {
            EventBuilder.Withdrawal().Id("mm-usdt").From(Addresses.Evm("usdt-hot")).Asset("USDT").Usd(100_000m).To(mm).Account(withAccounts ? "acct-mm" : null).At(Day0.AddDays(-daysAgo)),
        };
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var usd = Math.Round((decimal)(500 + (random.NextDouble() * 5_500)), 2);
            events.Add(EventBuilder.Withdrawal().Id($"c-{i:D2}").From(hot).Asset("NEWT").Usd(usd, 2m)
                .To(Addresses.Evm($"customer-{i}")).Account(withAccounts ? $"acct-{i}" : null).At(Day0.AddSeconds(90 * (i + 1))));
        }

        for (var i = 0; i < 4; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"mm-{i}").From(hot).Asset("NEWT").Usd(100_000m, 2m).To(mm).Account(withAccounts ? "acct-mm" : null).At(Day0.AddMinutes(30 + (3 * i)).AddSeconds(5)));
        }

        // Balances re-derived in time order once the chunks are in.
        var run = ScenarioRun.Of(WithBalances(events, hot, "NEWT", 700_000m));
        Assert.Empty(run.Alerts);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(7, true)]
    [InlineData(3, false)]
    public void NewListing_BusyFirstHourWithSomeWhales_StaysQuiet(int whales, bool withAccounts)
    {
        // A listing's first hour: 150 customers, and whales of $200,000 to their own new addresses, take two thirds of a young
        // hot wallet's balance, most of it the whales'. With accounts, customers' withdrawals are no cold-start legs however
        // many whales come (seven leave $1.2M without the largest, under the $2M cold-start floor). Without accounts, whales
        // and a thief look alike, and the hour keeps the flat credit.
        var hot = Addresses.Evm("listing-hot");
        var balance = 1_000_000m + (whales * 200_000m);
        var events = new List<WithdrawalEvent>();
        var random = new Random(5);
        var every = 150 / whales;
        for (var i = 0; i < 150 + whales; i++)
        {
            var whale = i % every == every / 2 && i / every < whales;
            var usd = whale ? 200_000m : Math.Round((decimal)(500 + (random.NextDouble() * 5_500)), 2);
            balance -= usd;
            events.Add(EventBuilder.Withdrawal().Id($"w-{i}").From(hot).Asset("NEWT").Usd(usd, 2m).Balance(balance).To(Addresses.Evm($"customer-{i}"))
                .Account(withAccounts ? $"acct-{i}" : null).At(Day0.AddSeconds(20 * (i + 1))));
        }

        Assert.Equal(whales, events.Count(e => e.AmountUsd == 200_000m));

        var r = ScenarioRun.Of(events);
        Assert.Empty(r.Alerts);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(150)]
    public void NewListing_FirstHourWithThreeWhales_WithoutAccounts_StaysQuietAtAQuietVenueToo(int customers)
    {
        // Three whales of $200,000 among 20 customers take 60% of the balance: without accounts, whales and a thief look alike.
        var hot = Addresses.Evm("listing-hot");
        const int whales = 3;
        var random = new Random(5);
        var every = (customers + whales) / whales;
        var spacing = 3000 / (customers + whales);
        var sizes = new List<decimal>();
        for (var i = 0; i < customers + whales; i++)
        {
            var whale = i % every == every / 2 && i / every < whales;
            sizes.Add(whale ? 200_000m : Math.Round((decimal)(500 + (random.NextDouble() * 5_500)), 2));
        }

        var balance = Math.Round(sizes.Sum() / 0.6m, 2);
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < sizes.Count; i++)
        {
            balance -= sizes[i];
            events.Add(EventBuilder.Withdrawal().Id($"w-{i}").From(hot).Asset("NEWT").Usd(sizes[i], 2m).Balance(balance).To(Addresses.Evm($"customer-{i}")).At(Day0.AddSeconds(spacing * (i + 1))));
        }

        Assert.Equal(whales, events.Count(e => e.AmountUsd == 200_000m));
        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.RapidDrain));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(34)]
    [InlineData(38)]
    public void BridgeFirstHours_OrdinaryHeavyTailedReleases_RaiseNoRapidDrain(int seed)
    {
        // A new bridge route's first six hours: about 7% of its releases are $50,000 or more, and every release carries the
        // initiating address as its account, so its large ones cannot be told from a thief's.
        var start = Day0.AddHours(seed % 24);
        var events = new TrafficBuilder(seed)
        {
            Platform = "eastbridge", Wallet = Addresses.Evm($"w-{seed}"), Assets = ["ETH"], StartingBalanceUsd = 3_000_000m,
            MedianUsd = 3_000, Sigma = 1.8, MaxUsd = 2_000_000, EventsPerHour = 30,
        }.Between(start, start.AddHours(6)).Select(e => e with { PlatformType = PlatformType.Bridge, AccountId = e.DestinationAddress }).ToList();
        Assert.True(events.Count(e => e.AmountUsd >= 50_000m) > 0.03 * events.Count, "a heavy tail");

        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.RapidDrain));
    }

    [Fact]
    public void Exchange_ManyWithdrawalsWithoutAccounts_ThreeLargeOnesAreWithinTheirTail()
    {
        // An exchange that sends accounts but pays 60 small withdrawals an hour without one (its own payouts): three of
        // $200,000 among 63 such withdrawals are what a tail of 1 in 100 may bring (bound 6%), so the drop is explained.
        var hot = Addresses.Evm("payout-hot");
        var balance = 1_000_000m;
        var events = new List<WithdrawalEvent>();
        var random = new Random(9);
        for (var i = 0; i < 103; i++)
        {
            var leg = i is 30 or 60 or 90;
            var usd = leg ? 200_000m : Math.Round((decimal)(500 + (random.NextDouble() * 2_000)), 2);
            balance -= usd;
            events.Add(EventBuilder.Withdrawal().Id($"w-{i}").From(hot).Asset("ETH").Usd(usd).Balance(balance).To(Addresses.Evm($"to-{i}"))
                .Account(!leg && i % 5 < 2 ? $"acct-{i}" : null).At(Day0.AddSeconds(30 * (i + 1))));
        }

        Assert.True(balance < 500_000m, "more than half the balance goes");
        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.RapidDrain));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 6)]
    public void BusyExchange_TrickleWithoutAccountsInItsFirstHours_IsCaughtBeforeABaselineForms(int seed, int startHour)
    {
        // An hour after the stream starts, $150,000 every 20 minutes to five rotating new addresses, no balances: three legs
        // an hour are under the $2M cold-start floor, the 12-hour cold-start floor is $10M, and rare legs need a day of
        // history. Customers' withdrawals carry accounts and the legs none: six legs among the few withdrawals without one
        // are no tail, and the eighth takes them past $1,000,000 without the largest.
        var (events, _, _) = BusyExchangeWithTrickle(seed, startHour);

        var run = ScenarioRun.Of(events);

        var first = run.Changes.First(c => c.Alert.Rule == RuleIds.RapidDrain).Alert;
        Assert.Equal("leg-07", first.TriggerEventId);
        Assert.Equal("USD in withdrawals of the cold-start leg size without a customer account, excluding the largest", first.Details.Measure);
        Assert.Contains("8 withdrawals of at least $50,000 without a customer account (threshold 6 of its 8 withdrawals without one)", first.Summary, StringComparison.Ordinal);
        Assert.All(run.Alerts, a => Assert.Contains(a.EventIds, id => id.StartsWith("leg-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    public void BusyExchange_TrickleWithoutAccounts_ItsAlertNamesTheLegs_NotCustomersLargeWithdrawals(int seed, int startHour)
    {
        // Found by a review helper: the same trickle, while three customers (with accounts) each take $240,000 to new
        // addresses of theirs. The alert named them, the window's large withdrawals to new addresses, and not the legs.
        var (events, hot, trickleStart) = BusyExchangeWithTrickle(seed, startHour);

        for (var i = 0; i < 3; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"customer-{i}").From(hot).Usd(240_000m).To(Addresses.Evm($"customer-new-{i}")).Account($"acct-big-{i}").At(trickleStart.AddMinutes(25 + (40 * i))));
        }

        var first = ScenarioRun.Of(events).Changes.First(c => c.Alert.Rule == RuleIds.RapidDrain).Alert;

        Assert.Equal("USD in withdrawals of the cold-start leg size without a customer account, excluding the largest", first.Details.Measure);
        Assert.All(first.EventIds, id => Assert.StartsWith("leg-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Exchange_PayingWithoutAccountsForTwelveHours_ItsLargePayoutsAreWithinTheirTail()
    {
        // An exchange that sends accounts but pays 60 withdrawals an hour without one (its own payouts), 1 in 100 of them
        // $150,000 to a new address: over 12 hours, 8 such among 720 are what a tail of 1 in 100 brings ($1.05M without the
        // largest, over the $1M floor, so only the count keeps it quiet).
        var hot = Addresses.Evm("payout-hot");
        var events = new TrafficBuilder(11) { Wallet = hot, EventsPerHour = 40 }.Between(Day0, Day0.AddHours(12)).ToList();
        var random = new Random(11);
        for (var i = 0; i < 720; i++)
        {
            var large = i % 90 == 45;
            var usd = large ? 150_000m : Math.Round((decimal)(200 + (random.NextDouble() * 1_500)), 2);
            events.Add(EventBuilder.Withdrawal().Id($"p-{i:D3}").From(hot).Usd(usd).To(Addresses.Evm($"payee-{i}")).At(Day0.AddSeconds(60 * i)));
        }

        Assert.Equal(8, events.Count(e => e.AmountUsd == 150_000m && e.AccountId is null));
        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.RapidDrain));
    }

    [Fact]
    public void ColdStartLegsWorthNothing_AtALegalLegSizeOfZero_TheSnapshotIsReadBack()
    {
        var rules = RulesAtTheirBounds.Rules;
        var engine = new DetectionEngine(rules, Watchlist.Empty);
        for (var i = 0; i < 3; i++)
        {
            engine.Process(EventBuilder.Withdrawal().Id($"u-{i}").Asset("UNPRICED").Units(5m, null).To($"0x{i + 10:D40}").At(Day0.AddMinutes(i)).Build(), new AlertChangeRecorder());
        }

        var restored = new DetectionEngine(rules, Watchlist.Empty);
        Assert.Empty(restored.Import(engine.ExportAll()));
    }

    /// <summary>
    /// A busy exchange's hot wallet from <paramref name="startHour"/>, its customers' withdrawals carrying accounts, and from
    /// an hour later a trickle without accounts: $150,000 every 20 minutes for ten hours to five rotating new addresses.
    /// </summary>
    private static (List<WithdrawalEvent> Events, string Hot, DateTimeOffset TrickleStart) BusyExchangeWithTrickle(int seed, int startHour)
    {
        var hot = Addresses.Evm("busy-hot");
        var start = Day0.AddHours(startHour);
        var trickleStart = start.AddHours(1);
        var events = new TrafficBuilder(seed) { Wallet = hot, EventsPerHour = 200, MedianUsd = 1_500, Sigma = 1.5, MaxUsd = 2_000_000 }
            .Between(start, trickleStart.AddHours(10)).ToList();
        for (var i = 0; i < 30; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i:D2}").From(hot).Usd(150_000m + i).To(Addresses.Evm($"trickle-{i % 5}")).At(trickleStart.AddMinutes(20 * i)));
        }

        return (events, hot, trickleStart);
    }

    private static List<WithdrawalEvent> WithBalances(List<WithdrawalEvent> events, string wallet, string asset, decimal start)
    {
        var balance = start;
        var result = new List<WithdrawalEvent>();
        foreach (var e in events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal))
        {
            if (e.SourceWallet == wallet && e.Asset == asset)
            {
                balance -= e.AmountUsd!.Value;
                result.Add(e with { BalanceAfter = Math.Round(balance / 2m, 8) });
            }
            else
            {
                result.Add(e);
            }
        }

        return result;
    }
}

