using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;

using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>The three theft shapes at default settings: a one-shot sweep, a bursty multi-asset drain, a slow trickle.</summary>
public sealed class DrainScenarioTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AttackDay = Day0.AddDays(2);

    [Fact]
    public void ColdWalletSweep_OneTransactionEmptyingTheWallet_RaisesCriticalLargeWithdrawalOnThatEvent()
    {
        var cold = Addresses.Evm("cold-wallet");
        var hot = Addresses.Evm("hot-wallet");
        var events = new List<WithdrawalEvent>();
        events.AddRange(new TrafficBuilder(1) { Wallet = hot, Assets = ["ETH"], StartingBalanceUsd = 20_000_000m }.Between(Day0, AttackDay.AddHours(14)));
        // The cold wallet's only routine outflow is refilling the platform's own hot wallet: internal, not a withdrawal.
        events.Add(EventBuilder.Withdrawal().From(cold).To(hot).Asset("ETH").Usd(9_000_000m, 3000m).Balance(400_000m).At(Day0.AddHours(20)));
        var sweep = EventBuilder.Withdrawal().Id("sweep").From(cold).To(Addresses.Evm("attacker")).Asset("ETH").Usd(1_200_000_000m, 3000m).Balance(1_000m).At(AttackDay.AddHours(14).AddMinutes(13)).Build();
        events.Add(sweep);

        var run = ScenarioRun.Of(events);

        var large = Assert.Single(run.AlertsOf(RuleIds.LargeWithdrawal));
        Assert.Equal(Severity.Critical, large.Severity);
        Assert.Equal("sweep", large.TriggerEventId);
        Assert.Equal(cold, large.Subject);
        Assert.Equal(SubjectType.SourceWallet, large.SubjectType);
        Assert.Equal(1_200_000_000m, large.AmountUsd);
        Assert.Contains("one withdrawal", large.Summary);
        Assert.All(run.Alerts, a => Assert.Equal(cold, a.Subject));
        Assert.Equal(0, run.Alerts.Count(a => a.TriggerEventId != "sweep"));
    }

    [Fact]
    public void ColdWalletSweep_WithoutBalanceOrHistory_StillRaisedByTheColdStartFloor()
    {
        var sweep = EventBuilder.Withdrawal().Id("sweep").From(Addresses.Evm("cold")).To(Addresses.Evm("attacker")).Asset("ETH").Usd(40_000_000m, 3000m).At(AttackDay).Build();

        var run = ScenarioRun.Of([sweep]);

        var alert = Assert.Single(run.AlertsOf(RuleIds.LargeWithdrawal));
        Assert.Equal("sweep", alert.TriggerEventId);
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Equal(5_000_000m, alert.Details.Threshold);
    }

    [Fact]
    public void HotWalletKeyCompromise_EachTokenToItsOwnNewAddress_RaisesMultiAssetDrainAtTheThirdLeg()
    {
        // Poloniex 2023 shape: no balances, no accounts on the attacker's transfers, one fresh address per token.
        var hot = Addresses.Evm("hot");
        var traffic = new TrafficBuilder(2) { Wallet = hot, Assets = ["USDT", "ETH", "USDC", "LINK", "DAI"], EventsPerHour = 60 };
        var events = traffic.Between(Day0, AttackDay.AddHours(10).AddMinutes(30)).ToList();
        var start = AttackDay.AddHours(10).AddMinutes(34);
        (string Asset, decimal Usd)[] legs = [("USDT", 11_000_000m), ("ETH", 9_000_000m), ("USDC", 1_700_000m), ("LINK", 900_000m), ("DAI", 600_000m)];
        for (var i = 0; i < legs.Length; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset(legs[i].Asset).Usd(legs[i].Usd).To(Addresses.Evm($"attacker-{i}")).At(start.AddMinutes(i)));
        }

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal("leg-2", alert.TriggerEventId);
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Equal("*", alert.Asset);
        Assert.Equal(SubjectType.Platform, alert.SubjectType);
        Assert.Equal(3, alert.Revision); // raised by the third leg, grown by the fourth and the fifth
        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd < start);
    }

    [Fact]
    public void HotWalletKeyCompromise_TheRaisedMultiAssetAlert_NamesTheLegOfEveryDrainedPair()
    {
        // A critical platform alert is posted once, when raised (it cannot escalate): that card must already show where
        // each token went, not only the token that completed the count.
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(2) { Wallet = hot, Assets = ["USDT", "ETH", "USDC"], EventsPerHour = 60 }.Between(Day0, AttackDay.AddHours(10).AddMinutes(30)).ToList();
        var start = AttackDay.AddHours(10).AddMinutes(34);
        (string Asset, decimal Usd)[] legs = [("USDT", 11_000_000m), ("ETH", 9_000_000m), ("USDC", 1_700_000m)];
        for (var i = 0; i < legs.Length; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset(legs[i].Asset).Usd(legs[i].Usd).To(Addresses.Evm($"attacker-{i}")).At(start.AddMinutes(i)));
        }

        var run = ScenarioRun.Of(events);

        var raised = Assert.Single(run.Changes, c => c.Kind == AlertChangeKind.Raised && c.Alert.Rule == RuleIds.MultiAssetDrain).Alert;
        Assert.Equal("leg-2", raised.TriggerEventId);
        Assert.Superset(new HashSet<string> { "leg-0", "leg-1", "leg-2" }, raised.EventIds.ToHashSet());
        Assert.Superset(new HashSet<string> { Addresses.Evm("attacker-0"), Addresses.Evm("attacker-1"), Addresses.Evm("attacker-2") }, raised.Destinations.ToHashSet());
    }

    [Fact]
    public void HotWalletKeyCompromise_AllTokensToOneNewAddress_RaisesMultiAssetAndOneRapidDrainPerWallet()
    {
        // Stake.com / CoinEx 2023 shape: USDT, ETH twice, USDC, DAI within minutes, all to one brand-new address.
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(3) { Wallet = hot, Assets = ["USDT", "ETH", "USDC", "DAI"], StartingBalanceUsd = 5_000_000m }
            .Between(Day0, AttackDay.AddHours(12).AddMinutes(40)).ToList();
        var attacker = Addresses.Evm("attacker");
        var start = AttackDay.AddHours(12).AddMinutes(48);
        (string Asset, decimal Usd, decimal Balance)[] legs = [("USDT", 3_900_000m, 50_000m), ("ETH", 4_900_000m, 2_000_000m), ("ETH", 1_900_000m, 10_000m), ("USDC", 1_000_000m, 5_000m), ("DAI", 900_000m, 1_000m)];
        for (var i = 0; i < legs.Length; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset(legs[i].Asset).Usd(legs[i].Usd).Balance(legs[i].Balance).To(attacker).At(start.AddMinutes(2 * i)));
        }

        var run = ScenarioRun.Of(events);

        Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        var first = run.Changes[0].Alert;
        Assert.Equal("leg-0", first.TriggerEventId); // the first leg, 98.7% of the USDT balance, is already a large withdrawal
        Assert.Equal(RuleIds.LargeWithdrawal, first.Rule);
        var drain = Assert.Single(run.AlertsOf(RuleIds.RapidDrain));
        Assert.Equal("*", drain.Asset);
        Assert.Equal(Severity.Critical, drain.Severity);
        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd < start);
    }

    [Fact]
    public void ManyWalletsSweptIntoOneAddress_JoinTheOpenMultiAssetAlertInsteadOfRaisingOneEach()
    {
        // A key that controls forty payout wallets empties them into one address within the hour (CoinsPaid 2023 shape):
        // one incident. Each sweep alone is a rapid-drain finding; once the platform's multi-asset-drain alert is open, the
        // wallets that alert counts as drained grow it instead of raising forty alerts and forty posts.
        var thief = Addresses.Evm("thief");
        var events = Enumerable.Range(0, 40).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"sweep-{i:D2}").From(Addresses.Evm($"payout-{i}"))
            .Usd(300_000m).Balance(5m).To(thief).At(AttackDay.AddMinutes(i))).ToList();

        var run = ScenarioRun.Of(events);

        var platform = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        var raised = run.Changes.Where(c => c.Kind == AlertChangeKind.Raised).Select(c => c.Alert).ToList();
        Assert.True(raised.Count <= 4, string.Join("; ", raised.Select(a => $"{a.Rule} {a.TriggerEventId}")));
        Assert.All(run.AlertsOf(RuleIds.RapidDrain), a => Assert.True(string.CompareOrdinal(a.TriggerEventId, platform.TriggerEventId) <= 0, $"{a.TriggerEventId} after the platform alert"));
        Assert.True(platform.EventCount >= 37, $"{platform.EventCount} sweeps in the platform alert");
    }

    [Fact]
    public void AWalletDrainedAfterThePlatformAlertsPairsLeftItsWindow_RaisesItsOwnAlert()
    {
        // Three wallets swept at once raise the platform's multi-asset-drain alert; 40 minutes later, while that alert is
        // still open but its pairs have left its 30-minute window, a fourth wallet is swept: the platform alert does not
        // report it, so the wallet must raise its own.
        var thief = Addresses.Evm("thief");
        var events = Enumerable.Range(0, 3).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"sweep-{i}").From(Addresses.Evm($"payout-{i}"))
            .Usd(300_000m).Balance(5m).To(thief).At(AttackDay.AddMinutes(i))).ToList();
        events.Add(EventBuilder.Withdrawal().Id("late-sweep").From(Addresses.Evm("payout-late")).Usd(300_000m).Balance(5m).To(Addresses.Evm("thief-2")).At(AttackDay.AddMinutes(42)));

        var run = ScenarioRun.Of(events);

        Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Contains(run.AlertsOf(RuleIds.RapidDrain), a => a.TriggerEventId == "late-sweep");
    }

    [Fact]
    public void SlowTrickle_OverHoursIntoOneNewAddress_IsCaughtWithoutBalancesOrAccounts()
    {
        // Harmony 2022 shape: a bridge drained in chunks over hours; each chunk is unremarkable on its own.
        var bridge = Addresses.Evm("bridge");
        var events = new TrafficBuilder(4) { Platform = "fabrikam-bridge", Wallet = bridge, Assets = ["ETH"], EventsPerHour = 25, MedianUsd = 3_000, WithAccounts = false }
            .Between(Day0, AttackDay.AddHours(20)).ToList();
        var receiver = Addresses.Evm("trickle-receiver");
        for (var i = 0; i < 15; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"chunk-{i:D2}").Platform("fabrikam-bridge").From(bridge).Asset("ETH").Usd(420_000m, 3000m).To(receiver).At(AttackDay.AddHours(14).AddMinutes(25 * i)));
        }

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.AlertsOf(RuleIds.RapidDrain));
        Assert.True(string.CompareOrdinal(alert.TriggerEventId, "chunk-02") <= 0, $"raised at {alert.TriggerEventId}; a trickle must be caught within three chunks");
        Assert.Single(run.Alerts);
    }

    [Fact]
    public void ColdWalletSweep_BelowTheLargeWithdrawalFloorButEmptyingTheWallet_RaisesRapidDrainOnThatEvent()
    {
        var cold = Addresses.Evm("small-cold");
        var events = new List<WithdrawalEvent>
        {
            EventBuilder.Withdrawal().From(cold).To(Addresses.Evm("hot")).Usd(200_000m).Balance(800_000m).At(AttackDay.AddHours(-30)),
            EventBuilder.Withdrawal().Id("sweep").From(cold).To(Addresses.Evm("attacker")).Usd(780_000m).Balance(20_000m).At(AttackDay),
        };

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal("sweep", alert.TriggerEventId);
        Assert.Equal(Severity.Critical, alert.Severity);
    }

    [Fact]
    public void HotWallet_MoreThanHalfItsBalanceInFiveLegsToOneAddress_IsCaughtByTheBalanceDropDespiteTheOrdinaryTraffic()
    {
        // One destination (so one large leg to a new address), under the fresh-destination floor, far below 10x the hourly
        // outflow: only the balance tells. A hundred ordinary withdrawals share the window and must not hide the drop.
        var hot = Addresses.Evm("busy-hot");
        var attackStart = AttackDay.AddHours(15);
        var events = new TrafficBuilder(22, customers: 20_000) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 100, MedianUsd = 900, StartingBalanceUsd = 1_500_000m }
            .Between(Day0, attackStart.AddMinutes(30)).ToList();
        var balance = events.Last(e => e.Timestamp < attackStart).BalanceAfter!.Value;
        var legUsd = Math.Round(balance * 0.14m, 2);
        events.RemoveAll(e => e.Timestamp >= attackStart && e.BalanceAfter is not null);
        for (var i = 0; i < 5; i++)
        {
            balance -= legUsd;
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Usd(legUsd).Balance(balance).To(Addresses.Evm("thief")).At(attackStart.AddMinutes(2 * (i + 1))));
        }

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal("balance drop since window start", alert.Details.Measure);
        Assert.StartsWith("leg-", alert.TriggerEventId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(1, 14)]
    [InlineData(2, 14)]
    [InlineData(3, 14)]
    public void SmallHotWallet_DrainedInLegsInItsFirstHoursOfHistory_IsCaughtByTheBalanceDrop(int seed, int startHour)
    {
        // Ninety minutes after the stream starts there is no baseline, and the cold-start floors ($2M) are above this hot
        // wallet's whole balance. The dozens of ordinary withdrawals in the window sent a few thousand dollars; they must
        // not be credited with the cold-start mean each ($50,000), which "explained" the drop and hid the drain. Starting at
        // midnight the hour holds about 20 customers' withdrawals, at 14:00 about 70; they carry accounts, the legs none.
        var hot = Addresses.Evm("small-hot");
        var start = Day0.AddHours(startHour);
        var attackStart = start.AddMinutes(90);
        var events = new TrafficBuilder(seed) { Wallet = hot, Assets = ["ETH"], StartingBalanceUsd = 600_000m }
            .Between(start, attackStart.AddMinutes(30)).ToList();
        var balance = events.Last(e => e.Timestamp < attackStart).BalanceAfter!.Value;
        events.RemoveAll(e => e.Timestamp >= attackStart);
        var thief = Addresses.Evm("thief");
        decimal[] legs = [130_000m, 100_000m, 75_000m, 57_000m];
        for (var i = 0; i < legs.Length; i++)
        {
            balance -= legs[i];
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset("ETH").Usd(legs[i], 3000m).Balance(balance).To(thief).At(attackStart.AddMinutes(i + 1)));
        }

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal("balance drop since window start", alert.Details.Measure);
        // The third leg takes the window past the $250,000 floor and the balance past half.
        Assert.Equal("leg-2", run.Changes[0].Alert.TriggerEventId);
    }

    [Fact]
    public void SmallHotWallet_RunDownByARushOfOrdinaryWithdrawalsInItsFirstHours_StaysQuiet()
    {
        // The benign counterpart: the same young wallet loses 60% of its balance within the hour to a rush of ordinary
        // withdrawals (a listing's first hours, a panic), none of them of the cold-start size. They explain the whole drop.
        var hot = Addresses.Evm("small-hot");
        var rushStart = Day0.AddMinutes(90);
        var events = new TrafficBuilder(4) { Wallet = hot, Assets = ["ETH"], StartingBalanceUsd = 600_000m }
            .Between(Day0, rushStart).ToList();
        var balance = events[^1].BalanceAfter!.Value;
        var start = balance;
        var random = new Random(4);
        for (var i = 0; balance > start * 0.4m; i++)
        {
            var usd = Math.Round((decimal)(500 + (random.NextDouble() * 5_500)), 2);
            balance -= usd;
            events.Add(EventBuilder.Withdrawal().Id($"rush-{i}").From(hot).Asset("ETH").Usd(usd, 3000m).Balance(balance).To(Addresses.Evm($"customer-{i}")).At(rushStart.AddSeconds(20 * (i + 1))));
        }

        Assert.True(events[^1].Timestamp < rushStart.AddHours(1), "the rush must fit in the short window");
        Assert.True(start - balance >= 250_000m, "the rush must send more than the window floor");

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(1, 2, 14)]
    [InlineData(2, 3, 0)]
    [InlineData(2, 4, 14)]
    public void SmallHotWallet_SweptInOneOrTwoTransactionsInItsFirstHours_IsCaught(int transfers, int seed, int startHour)
    {
        // Ninety minutes in, a thief empties the young hot wallet in one transfer or two, five minutes apart, without an
        // account. Under the $1,000,000 large-withdrawal floor and short of three legs; the hour's customers' withdrawals,
        // credited with the $50,000 cold-start mean each, "explained" the drop. Credited with what they sent, they do not.
        var hot = Addresses.Evm("small-hot");
        var start = Day0.AddHours(startHour);
        var (events, balance) = YoungHotWallet(seed, hot, start, out var attackStart);
        var left = Math.Round(balance * 0.04m, 2);
        var each = Math.Round((balance - left) / transfers, 2);
        for (var i = 0; i < transfers; i++)
        {
            balance -= each;
            events.Add(EventBuilder.Withdrawal().Id($"sweep-{i}").From(hot).Asset("ETH").Usd(each).Balance(balance).To(Addresses.Evm("sweeper")).At(attackStart.AddMinutes(5 * i)));
        }

        Assert.True(events.Count(e => e.Timestamp > attackStart.AddHours(-1) && e.AccountId is not null) >= 5, "customers' withdrawals in the hour");

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Equal("balance drop since window start", alert.Details.Measure);
        Assert.Equal($"sweep-{transfers - 1}", run.Changes[0].Alert.TriggerEventId);
    }

    [Theory]
    [InlineData(0.95, true, true)]
    [InlineData(0.85, false, true)]
    [InlineData(0.95, false, false)]
    public void SmallHotWallet_OneLargeWithdrawalInItsFirstHours_ThatIsNoSweep_StaysQuiet(double share, bool withAccount, bool customersWithAccounts)
    {
        // A whale with its account taking 95% of the young hot wallet (customers explain their own withdrawals); a transfer
        // without an account taking 85% (one withdrawal under the $1,000,000 floor, not all but empty: large-withdrawal's
        // question); and a sweep in an hour whose withdrawals carry no account, where the transfer cannot be told from a
        // customer's and the flat credit stays.
        var hot = Addresses.Evm("small-hot");
        var (events, balance) = YoungHotWallet(5, hot, Day0, out var at, customersWithAccounts);
        var usd = Math.Round(balance * (decimal)share, 2);
        events.Add(EventBuilder.Withdrawal().Id("large").From(hot).Asset("ETH").Usd(usd).Balance(balance - usd).To(Addresses.Evm("new-address"))
            .Account(withAccount ? "acct-whale" : null).At(at));

        Assert.True(usd >= 250_000m, "over the window floor");
        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    /// <summary>Ninety minutes of a young hot wallet's customers' withdrawals (about 40 an hour, from $600,000; its ETH priced at $1 like theirs), and the balance they leave.</summary>
    private static (List<WithdrawalEvent> Events, decimal Balance) YoungHotWallet(int seed, string hot, DateTimeOffset start, out DateTimeOffset end, bool withAccounts = true)
    {
        end = start.AddMinutes(90);
        var until = end;
        var events = new TrafficBuilder(seed) { Wallet = hot, Assets = ["ETH"], StartingBalanceUsd = 600_000m, WithAccounts = withAccounts }
            .Between(start, end).Where(e => e.Timestamp < until).ToList();
        return (events, events[^1].BalanceAfter!.Value);
    }

    [Fact]
    public void EqualChunks_InAnHourWhoseOrdinaryWithdrawalsRunLarge_AreStillLargeLegs()
    {
        // Three days of $4,000 withdrawals, 40 an hour; then an hour of the usual count whose withdrawals happen to run at
        // 1.5x the size, and six $100,000 chunks (25x the learned size) to new addresses. Without a rush (twice the usual
        // count) the hour's own mean must not lift the bar above the chunks.
        var hot = Addresses.Evm("chunked-hot");
        var events = new List<WithdrawalEvent>();
        var start = AttackDay.AddDays(-3);
        var id = 0;
        for (var t = start; t < AttackDay; t = t.AddSeconds(90))
        {
            events.Add(EventBuilder.Withdrawal().Id($"n-{id++}").From(hot).Usd(4_000m).To(Addresses.Evm($"customer-{id % 500}")).At(t));
        }

        for (var i = 0; i < 40; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"h-{i}").From(hot).Usd(6_000m).To(Addresses.Evm($"customer-{i}")).At(AttackDay.AddSeconds(90 * i)));
        }

        for (var i = 0; i < 6; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"chunk-{i}").From(hot).Usd(100_000m).To(Addresses.Evm($"chunk-{i}")).At(AttackDay.AddMinutes(40 + (2 * i))));
        }

        var alert = Assert.Single(ScenarioRun.Of(events.OrderBy(e => e.Timestamp)).Alerts);

        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal("USD in unusually large withdrawals to new addresses, excluding the largest", alert.Details.Measure);
    }

    [Fact]
    public void SmallExchange_TwoTokensToAnAddressThatGotATestPaymentDaysBefore_IsCaughtAsIfTheAddressWereNew()
    {
        // The drain below, but the thief first tested his address with $20 from the hot wallet two days earlier: a
        // destination paid only dust (at most 1% of a leg) is as good as unseen when the first leg arrives.
        var events = SmallExchangeDrain.Events(testPayment: true);

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal("USD into one new destination within the window, excluding the largest withdrawal", alert.Details.Measure);
        Assert.Equal("leg-4", alert.TriggerEventId);
    }

    [Fact]
    public void LegsOfOtherWallets_IntoOneNewAddress_DoNotRaiseAnAlertForAWalletThatSentItLittle()
    {
        // Two wallets drain into one new address; a third pays it $20,000 later. Only the wallets whose legs made the finding
        // are named: the third would otherwise raise its own critical-looking alert on the others' legs.
        var (a, b, c) = (Addresses.Evm("hot-a"), Addresses.Evm("hot-b"), Addresses.Evm("hot-c"));
        var collector = Addresses.Evm("collector");
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < 6; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(i % 2 == 0 ? a : b).Usd(300_000m).Account(null).To(collector).At(AttackDay.AddMinutes(90 * i)));
        }

        events.Add(EventBuilder.Withdrawal().Id("small").From(c).Usd(20_000m).Account(null).To(collector).At(AttackDay.AddHours(9)));

        var run = ScenarioRun.Of(events);

        Assert.NotEmpty(run.AlertsOf(RuleIds.RapidDrain));
        Assert.DoesNotContain(run.Alerts, x => x.Subject == c);
    }

    [Fact]
    public void SmallExchange_TwoTokensToOneNewAddressInMinutes_WithoutBalances_IsCaughtBeforeTheDrainEnds()
    {
        // $680,000 in eight legs: each token under the $250,000 window floor once its largest leg is set aside, two tokens
        // (not the three multi-asset-drain needs), under the fresh-destination floor, and one address, so one large leg.
        var events = SmallExchangeDrain.Events(testPayment: false);

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal("USD into one new destination within the window, excluding the largest withdrawal", alert.Details.Measure);
        Assert.Equal("leg-4", alert.TriggerEventId);
        Assert.Contains(SmallExchangeDrain.Thief, alert.Destinations);
    }

    [Fact]
    public void SlowTrickle_IntoManyNewAddressesWithNoHistory_IsCaughtByTheLongWindow()
    {
        var bridge = Addresses.Evm("bridge");
        var events = Enumerable.Range(0, 36).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Id($"chunk-{i:D2}").Platform("fabrikam-bridge").From(bridge).Asset("ETH").Usd(330_000m, 3000m).To(Addresses.Evm($"receiver-{i}")).At(AttackDay.AddMinutes(20 * i)));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.Equal(10_000_000m, alert.Details.Threshold);
    }

    [Fact]
    public void DrainInLegsUnderTheLegMinimum_ForFourteenHours_IsOneAlertThatGrowsWithEveryLeg()
    {
        // A small wallet ($1,000 withdrawals) drained in $40,000 legs, 40x its usual size but under the $50,000 leg minimum,
        // every 2 minutes for 14 hours. The legs neither grew the alert nor kept it open: it stayed at its first revision and
        // a second alert was raised for the same drain once the 12-hour cooldown ran out. Found by a review.
        var hot = Addresses.Evm("small-hot");
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < 6 * 48; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"n-{i:D4}").From(hot).Usd(1_000m).To($"0x{i % 40 + 1:x40}").At(Day0.AddMinutes(10 * i)));
        }

        for (var i = 0; i < 30 * 14; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"d-{i:D4}").From(hot).Usd(40_000m).To(Addresses.Evm("attacker")).At(AttackDay.AddMinutes(2 * i)));
        }

        var drains = ScenarioRun.Of(events).AlertsOf(RuleIds.RapidDrain);

        // It grows with the legs until the baseline has learned the drain's first hours (12 hours on), then stays open.
        var alert = Assert.Single(drains);
        Assert.InRange(alert.EventCount, 300, 30 * 14);
        Assert.True(alert.WindowEnd >= AttackDay.AddHours(11), $"last grown at {alert.WindowEnd:HH:mm}");
    }

    [Fact]
    public void BurstOfLargeLegs_FromAWalletWithNoHistory_SaysWhatSizeMadeThemLargeNotAUsualSize()
    {
        // A wallet seen for the first time has no usual size: its legs count from the cold-start size, and the alert says so.
        var wallet = Addresses.Evm("new-hot-wallet");
        var events = Enumerable.Range(0, 4).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Id($"leg-{i}").From(wallet).Asset("USDT").Usd(900_000m, 1m).To(Addresses.Evm($"fresh-{i}")).At(AttackDay.AddMinutes(5 * i)));

        var alert = Assert.Single(ScenarioRun.Of(events).AlertsOf(RuleIds.RapidDrain));

        Assert.StartsWith("USD in unusually large withdrawals", alert.Details.Measure);
        Assert.Contains("withdrawals of at least $50,000 (no history yet) went to new addresses", alert.Summary);
        Assert.DoesNotContain("usual size", alert.Summary);
    }

    [Fact]
    public void SlowTrickle_ChunksToNewAddressesNeverThreeInAnHour_IsCaughtByTheLongWindowsLargeLegs()
    {
        // Each $250,000 chunk is over 100x the customers' usual withdrawal, but they come 35 minutes apart, so no hour holds the
        // three that the short window's large-leg test needs; no balances, no accounts, a new address each time.
        var events = ChunksAmidBusyTraffic(seed: 21, trafficHours: 16, chunks: 12, usd: 250_000m, i => $"trickle-receiver-{i}");

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.True(string.CompareOrdinal(alert.TriggerEventId, "chunk-07") <= 0, $"raised at {alert.TriggerEventId}");
        Assert.StartsWith("USD in unusually large withdrawals", alert.Details.Measure);
        Assert.Equal(1_000_000m, alert.Details.Threshold);
        Assert.Contains("within 12 h", alert.Summary);
        Assert.Contains("of the outflow (threshold 30%)", alert.Summary);
        Assert.Contains(Addresses.Evm("trickle-receiver-0"), alert.Destinations);
    }

    [Fact]
    public void SlowTrickle_ChunksRotatingAmongFiveNewAddresses_KeepCountingWhileTheAddressesAreFresh()
    {
        // Each address is new only for its first chunk and none reaches the $1,000,000 one-address test within the run;
        // all five were first paid within the 12-hour window, which a customer's usual address was not.
        var events = ChunksAmidBusyTraffic(seed: 24, trafficHours: 18, chunks: 14, usd: 200_000m, i => $"rotating-{i % 5}");

        var run = ScenarioRun.Of(events);

        var raised = Assert.Single(run.Changes, c => c.Kind == AlertChangeKind.Raised).Alert;
        Assert.Equal(RuleIds.RapidDrain, raised.Rule);
        Assert.True(string.CompareOrdinal(raised.TriggerEventId, "chunk-08") <= 0, $"raised at {raised.TriggerEventId}");
        Assert.StartsWith("USD in unusually large withdrawals", raised.Details.Measure);
        Assert.Contains("first paid within 12 h", raised.Summary);
        Assert.All(raised.EventIds, id => Assert.StartsWith("chunk-", id));
    }

    [Fact]
    public void SlowTrickle_CaughtOverTwelveHours_NamesTheChunksNotAWhalesLargerRoutineWithdrawals()
    {
        // A whale's $600,000 withdrawals to its usual address are the 12-hour window's largest; the chunks are what the
        // large-leg test counted, and the card a responder acts on must point at them and where they went.
        var hot = Addresses.Evm("hot");
        var whale = Addresses.Evm("whale-custody");
        var events = ChunksAmidBusyTraffic(seed: 21, trafficHours: 16, chunks: 12, usd: 250_000m, i => $"trickle-receiver-{i}");
        events.Add(EventBuilder.Withdrawal().Id("whale-0").From(hot).Usd(600_000m).To(whale).At(Day0.AddHours(10)));
        events.Add(EventBuilder.Withdrawal().Id("whale-1").From(hot).Usd(600_000m).To(whale).At(AttackDay.AddHours(6)));
        events.Add(EventBuilder.Withdrawal().Id("whale-2").From(hot).Usd(590_000m).To(whale).At(AttackDay.AddHours(8)));

        var run = ScenarioRun.Of(events);

        var raised = Assert.Single(run.Changes, c => c.Kind == AlertChangeKind.Raised).Alert;
        Assert.StartsWith("USD in unusually large withdrawals", raised.Details.Measure);
        Assert.Contains("within 12 h", raised.Summary);
        Assert.All(raised.EventIds, id => Assert.StartsWith("chunk-", id));
        Assert.DoesNotContain(whale, raised.Destinations);
        Assert.Equal(4, raised.EventIds.Count); // the three largest legs, then the one that tipped the count
    }

    [Fact]
    public void EqualChunks_FromABusyHotWalletToManyNewAddresses_AreCaughtByTheirSize()
    {
        // Each $250,000 chunk is small against a hot wallet moving over $1M an hour, but over 100x its customers' usual
        // withdrawal; the window's mean would hide the chunks among hundreds of ordinary withdrawals.
        var hot = Addresses.Evm("busy-hot");
        var events = new TrafficBuilder(7, customers: 20_000) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 600, MedianUsd = 900 }
            .Between(Day0, AttackDay.AddHours(11)).ToList();
        for (var i = 0; i < 20; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"chunk-{i:D2}").From(hot).Usd(250_000m).To(Addresses.Evm($"chunk-receiver-{i}")).At(AttackDay.AddHours(11).AddMinutes(3 * i)));
        }

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal(RuleIds.RapidDrain, alert.Rule);
        Assert.True(string.CompareOrdinal(alert.TriggerEventId, "chunk-12") <= 0, $"raised at {alert.TriggerEventId}");
        Assert.StartsWith("USD in unusually large withdrawals", alert.Details.Measure);
    }

    [Fact]
    public void WindowAlert_TippedOverByAnOrdinaryWithdrawal_NamesTheLegsBeforeItAndWhereTheyWent()
    {
        // The volume tests set a window's largest withdrawal aside, so the thief's first legs alone stay below them and an
        // ordinary customer's withdrawal after them is the trigger: the responder must still see the legs and addresses.
        var hot = Addresses.Evm("hot");
        var customer = Addresses.Evm("regular-customer");
        var events = new List<WithdrawalEvent>();
        for (var t = Day0; t < AttackDay.AddHours(9); t = t.AddMinutes(5))
        {
            events.Add(EventBuilder.Withdrawal().From(hot).Usd(1_000m).To(Addresses.Evm($"customer-{t.Minute % 7}")).At(t));
        }

        // The customer has withdrawn a similar amount to the same address before, outside the window under test.
        events.Add(EventBuilder.Withdrawal().Id("customer-before").From(hot).Usd(55_000m).To(customer).At(AttackDay.AddHours(8)));
        events.Add(EventBuilder.Withdrawal().Id("leg-1").From(hot).Usd(500_000m).To(Addresses.Evm("thief-1")).TxHash("0xleg1").At(AttackDay.AddHours(9).AddMinutes(1)));
        events.Add(EventBuilder.Withdrawal().Id("leg-2").From(hot).Usd(200_000m).To(Addresses.Evm("thief-2")).TxHash("0xleg2").At(AttackDay.AddHours(9).AddMinutes(7)));
        events.Add(EventBuilder.Withdrawal().Id("customer-whale").From(hot).Usd(60_000m).To(customer).At(AttackDay.AddHours(9).AddMinutes(12)));

        var run = ScenarioRun.Of(events);

        var raised = Assert.Single(run.Changes, c => c.Kind == AlertChangeKind.Raised && c.Alert.Rule == RuleIds.RapidDrain).Alert;
        Assert.Equal("customer-whale", raised.TriggerEventId);
        Assert.Equal(["leg-1", "leg-2", "customer-whale"], raised.EventIds);
        Assert.Equal([Addresses.Evm("thief-1"), Addresses.Evm("thief-2"), customer], raised.Destinations);
        Assert.Equal(["0xleg1", "0xleg2"], raised.TxHashes);
    }

    [Fact]
    public void RampingDrain_DoesNotRaiseItsOwnBar()
    {
        // Withdrawals double every 20 minutes: a learned baseline fed by the window under test would chase them.
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(5) { Wallet = hot, Assets = ["USDT"] }.Between(Day0, AttackDay.AddHours(8)).ToList();
        var usd = 5_000m;
        for (var i = 0; i < 14; i++, usd *= 2)
        {
            events.Add(EventBuilder.Withdrawal().Id($"ramp-{i:D2}").From(hot).Usd(usd).To(Addresses.Evm($"ramp-{i}")).At(AttackDay.AddHours(8).AddMinutes(20 * i)));
        }

        var run = ScenarioRun.Of(events);

        var first = run.Alerts.OrderBy(a => a.WindowEnd).First();
        Assert.StartsWith("ramp-", first.TriggerEventId);
        Assert.True(string.CompareOrdinal(first.TriggerEventId, "ramp-09") <= 0, $"first alert at {first.TriggerEventId}");
    }

    [Fact]
    public void OngoingDrain_HundredLegs_IsOneEscalatingAlertNotAStorm()
    {
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(6) { Wallet = hot, Assets = ["USDT"], StartingBalanceUsd = 30_000_000m }.Between(Day0, AttackDay).ToList();
        var balance = 30_000_000m;
        for (var i = 0; i < 100; i++)
        {
            balance -= 280_000m;
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i:D3}").From(hot).Usd(280_000m).Balance(balance).To(Addresses.Evm("attacker")).At(AttackDay.AddMinutes(i)));
        }

        var run = ScenarioRun.Of(events);

        var drain = Assert.Single(run.AlertsOf(RuleIds.RapidDrain));
        Assert.Equal(Severity.Critical, drain.Severity);
        Assert.True(drain.EventCount >= 100);
        Assert.Equal(Alert.MaxEvidence, drain.EventIds.Count);
        Assert.True(drain.EventIdsOmitted > 0);
        Assert.True(run.Changes.Count(c => c.Alert.AlertId == drain.AlertId && c.NeedsNotification) <= 2, "a responder hears of a drain when raised and when escalated, not per leg");
    }

    /// <summary>
    /// A hot wallet's ordinary USDT traffic (100 withdrawals an hour, no balances, no accounts) from day 0 until
    /// <paramref name="trafficHours"/> into the attack day, and from 09:00 that day one chunk every 35 minutes (never three in
    /// an hour) to the address <paramref name="receiver"/> names for chunk i, with ids <c>chunk-00</c>, <c>chunk-01</c>, ….
    /// </summary>
    private static List<WithdrawalEvent> ChunksAmidBusyTraffic(int seed, int trafficHours, int chunks, decimal usd, Func<int, string> receiver)
    {
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(seed) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 100, MedianUsd = 900, WithAccounts = false }
            .Between(Day0, AttackDay.AddHours(trafficHours)).ToList();
        for (var i = 0; i < chunks; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"chunk-{i:D2}").From(hot).Usd(usd).To(Addresses.Evm(receiver(i))).At(AttackDay.AddHours(9).AddMinutes(35 * i)));
        }

        return events;
    }
}
