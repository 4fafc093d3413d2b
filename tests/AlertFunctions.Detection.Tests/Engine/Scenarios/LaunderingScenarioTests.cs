using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;

using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Watchlist and behaviour rules: mixers, sanctioned destinations, structuring and fan-in.</summary>
public sealed class LaunderingScenarioTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private const string TornadoTenEth = "0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF";
    private const string LazarusOfac = "0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B";

    [Fact]
    public void WithdrawalToWatchlistedMixer_AnyAmount_RaisesMixerUsageNamingThePool()
    {
        var e = EventBuilder.Withdrawal().Id("to-tornado").Asset("ETH").Units(10m, 30_000m).To(TornadoTenEth.ToLowerInvariant()).At(Day).Build();

        var alert = Assert.Single(ScenarioRun.Of([e]).Alerts);

        Assert.Equal(RuleIds.MixerUsage, alert.Rule);
        Assert.Equal(SubjectType.Destination, alert.SubjectType);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Contains("Tornado Cash 10 ETH pool", alert.Summary);
        Assert.Equal("to-tornado", alert.TriggerEventId);
    }

    [Fact]
    public void ExactDenominationsToFreshAddresses_ThirdOneRaisesMixerUsageOnTheAccount()
    {
        var events = Enumerable.Range(0, 4).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Id($"denomination-{i}").Asset("ETH").Units(100m, 300_000m).Account("acct-launder").To(Addresses.Evm($"fresh-{i}")).At(Day.AddMinutes(20 * i)));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.MixerUsage, alert.Rule);
        Assert.Equal("acct-launder", alert.Subject);
        Assert.Equal(SubjectType.Account, alert.SubjectType);
        Assert.Equal("denomination-2", alert.TriggerEventId);
        Assert.Equal(4, alert.EventCount);
        Assert.Equal(3m, alert.Details.Threshold);
        Assert.Equal(["denomination-0", "denomination-1", "denomination-2", "denomination-3"], alert.EventIds);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Addresses.Evm($"fresh-{i}")), alert.Destinations);
    }

    [Theory]
    [InlineData(3, 299_000, Severity.Medium)]
    [InlineData(3, 334_000, Severity.Critical)]
    [InlineData(6, 100_000, Severity.High)]
    public void ExactDenominationsToFreshAddresses_SeverityFollowsTheCountAndIsCriticalFromAMillion(int withdrawals, int usdEach, Severity expected)
    {
        var events = Enumerable.Range(0, withdrawals).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Id($"denomination-{i}").Asset("ETH").Units(100m, usdEach).Account("acct-launder").To(Addresses.Evm($"fresh-{i}")).At(Day.AddMinutes(20 * i)));

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal(RuleIds.MixerUsage, alert.Rule);
        Assert.Equal(expected, alert.Severity);
    }

    [Theory]
    [InlineData("tron", "TQ4tWzbHc6nXXb2S9M1dqtDqFRWa5vkNX", false)]
    [InlineData("bitcoin", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wl", false)]
    [InlineData("ethereum", null, true)]
    public void RoundUsdtToFreshAddresses_CountsOnlyWhereAPoolCouldTakeIt(string chain, string? addressStem, bool raisesMixerUsage)
    {
        // Tornado Cash pools are EVM contracts: a customer's 100 USDT to new TRON addresses is a round number, not a deposit one hop away.
        var events = Enumerable.Range(0, 3).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Id($"round-{i}").Chain(chain).Asset("USDT").Units(100m, 100m).Account("acct-round")
            .To(addressStem is null ? Addresses.Evm($"own-{i}") : addressStem + i).At(Day.AddHours(3 * i)));

        var alerts = ScenarioRun.Of(events).Alerts;

        Assert.Equal(raisesMixerUsage ? 1 : 0, alerts.Count(a => a.Rule == RuleIds.MixerUsage));
    }

    [Fact]
    public void ExactDenominationsToFreshAddresses_CrossingAMillion_EscalatesTheAlert()
    {
        var events = Enumerable.Range(0, 4).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal()
            .Id($"denomination-{i}").Asset("ETH").Units(100m, 300_000m).Account("acct-launder").To(Addresses.Evm($"fresh-{i}")).At(Day.AddMinutes(20 * i)));

        var run = ScenarioRun.Of(events);

        Assert.Equal(Severity.Critical, Assert.Single(run.Alerts).Severity);
        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Escalated], run.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void SanctionedDestination_MatchedWhateverTheAddressCase_IsCriticalAndCitesTheSource()
    {
        var e = EventBuilder.Withdrawal().Id("to-lazarus").Usd(25m).To(LazarusOfac.ToLowerInvariant()).At(Day).Build();

        var alert = Assert.Single(ScenarioRun.Of([e]).Alerts);

        Assert.Equal(RuleIds.SanctionedDestination, alert.Rule);
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Contains("OFAC", alert.Summary);
        Assert.Contains("Lazarus", alert.Summary);
    }

    [Fact]
    public void RepeatedPaymentsToSanctionedAddress_SameDay_GrowOneAlert()
    {
        var events = Enumerable.Range(0, 5).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Usd(1_000m).To(LazarusOfac).At(Day.AddHours(i)));

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal(5, alert.EventCount);
        Assert.Equal(5_000m, alert.AmountUsd);
        Assert.Equal(1, run.Changes.Count(c => c.NeedsNotification));
    }

    [Fact]
    public void Structuring_ThreeWithdrawalsJustUnderTenThousand_RaisesOnTheThird()
    {
        decimal[] amounts = [9_500m, 9_990m, 12_000m, 9_100m];
        var events = amounts.Select((usd, i) => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"s-{i}").Usd(usd).Account("acct-s").To(Addresses.Evm("s")).At(Day.AddHours(3 * i)));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.Structuring, alert.Rule);
        Assert.Equal("s-3", alert.TriggerEventId);
        Assert.Equal(3, alert.EventCount);
        Assert.Equal(28_590m, alert.AmountUsd);
        Assert.Equal(["s-0", "s-1", "s-3"], alert.EventIds); // every withdrawal the pattern counted, not only the last
    }

    [Fact]
    public void Structuring_NearThresholdWithdrawalsSpreadBeyondTheWindow_RaiseNothing()
    {
        var events = Enumerable.Range(0, 4).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Usd(9_800m).Account("acct-slow").To(Addresses.Evm("slow")).At(Day.AddHours(25 * i)));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Fact]
    public void Structuring_BusyAccountLandingInTheBandByChance_RaisesNothing()
    {
        // A customer emptying its account on a day of heavy withdrawals: nine withdrawals of varied size, three of them
        // happen to fall between $9,000 and $10,000. The band holds a third of what it withdrew, not a habit.
        decimal[] amounts = [2_300m, 9_400m, 15_000m, 640m, 9_950m, 31_000m, 4_100m, 9_200m, 7_700m];
        var events = amounts.Select((usd, i) => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"busy-{i}").Usd(usd).Account("acct-busy").To(Addresses.Evm($"busy-{i}")).At(Day.AddHours(2 * i)));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Fact]
    public void Structuring_SameThreeWithdrawalsAmongFewOthers_RaisesNamingTheShare()
    {
        decimal[] amounts = [2_300m, 9_400m, 9_950m, 9_200m];
        var events = amounts.Select((usd, i) => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"few-{i}").Usd(usd).Account("acct-few").To(Addresses.Evm($"few-{i}")).At(Day.AddHours(2 * i)));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.Structuring, alert.Rule);
        Assert.Equal("few-3", alert.TriggerEventId);
        Assert.Contains("3 of its 4 withdrawals in that time", alert.Summary, StringComparison.Ordinal);
        Assert.Contains("at least 60% of the account's", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Structuring_MoreWithdrawalsThanTheAccountRemembers_JudgesTheShareOnTheLatest()
    {
        // Eight small withdrawals, then a run just under the threshold, all within ten hours. The account remembers its
        // latest sixteen: at the tenth near-threshold withdrawal, ten of those sixteen are in the band (62.5%).
        var events = Enumerable.Range(0, 20).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"many-{i}").Usd(i < 8 ? 500m : 9_700m)
            .Account("acct-many").To(Addresses.Evm($"many-{i}")).At(Day.AddMinutes(30 * i)));

        var run = ScenarioRun.Of(events);

        var raised = run.Changes.First().Alert;
        Assert.Equal("many-17", raised.TriggerEventId);
        Assert.Contains("10 of its latest 16 withdrawals in that time", raised.Summary, StringComparison.Ordinal);
        Assert.Contains("12 of its latest 16 withdrawals in that time", Assert.Single(run.Alerts).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Structuring_InBandWithdrawalsOlderThanTheLatestSixteen_DoNotCountTowardsTheShare()
    {
        // Within ten hours: five of the first ten just under the threshold, six small ones, then five more under it. At the
        // last, ten of the account's 21 withdrawals are in the band, but only eight of its latest sixteen (50%).
        var events = Enumerable.Range(0, 21).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"mixed-{i}")
            .Usd((i < 10 && i % 2 == 1) || i >= 16 ? 9_700m : 500m).Account("acct-mixed").To(Addresses.Evm($"mixed-{i}")).At(Day.AddMinutes(30 * i)));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Fact]
    public void FanIn_FiveAccountsToOneNewAddressWithinAnHour_RaisesOnTheFifth()
    {
        var collector = Addresses.Evm("collector");
        var events = Enumerable.Range(0, 6).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"victim-{i}").Usd(3_000m).Account($"victim-{i}").To(collector).At(Day.AddMinutes(8 * i)));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.DestinationFanIn, alert.Rule);
        Assert.Equal("victim-4", alert.TriggerEventId);
        Assert.Equal(5m, alert.Details.Threshold);
        Assert.Equal(6m, alert.Details.Observed);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"victim-{i}"), alert.EventIds); // each account's withdrawal: the accounts to freeze
    }

    [Fact]
    public void FanIn_CollectorPaidOnceAnHourBeforeTheVictims_RaisesOnTheFifthVictim()
    {
        // A test payment from the thief's own account two hours before: the victims all come after fan-in's first hour.
        var collector = Addresses.Evm("collector");
        WithdrawalEvent[] events =
        [
            EventBuilder.Withdrawal().Id("test-payment").Usd(1_500m).Account("thief").To(collector).At(Day),
            .. Enumerable.Range(0, 6).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"victim-{i}").Usd(3_000m).Account($"victim-{i}").To(collector).At(Day.AddHours(2).AddMinutes(8 * i))),
        ];

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.DestinationFanIn, alert.Rule);
        Assert.Equal("victim-4", alert.TriggerEventId);
        Assert.Equal(6m, alert.Details.Observed);
        Assert.Equal(Day.AddHours(2).AddMinutes(32) - TimeSpan.FromHours(1), alert.WindowStart);
        Assert.Contains($"6 distinct accounts on northwind-exchange withdrew to {collector} within 1 h (it was first paid 160 min before)", alert.Summary, StringComparison.Ordinal);
        Assert.Equal(["test-payment", .. Enumerable.Range(0, 6).Select(i => $"victim-{i}")], alert.EventIds); // every account that paid the collector
    }

    [Fact]
    public void FanIn_VictimsInWavesHoursApart_GrowOneAlert()
    {
        // Two waves of five victims, three hours apart, into one collector: one alert, grown by the second wave.
        var collector = Addresses.Evm("collector");
        var events = Enumerable.Range(0, 10).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"victim-{i}").Usd(3_000m).Account($"victim-{i}").To(collector)
            .At(Day.AddHours(i < 5 ? 0 : 3).AddMinutes(5 * (i % 5))));

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal("victim-4", alert.TriggerEventId);
        Assert.Equal(10, alert.EventIds.Count);
        Assert.Equal(1, run.Changes.Count(c => c.Kind == AlertChangeKind.Raised));
    }

    [Fact]
    public void FanIn_FiveAccountsSpreadOverMoreThanTheWindow_RaiseNothing()
    {
        // A popular new address paid by one customer every 20 minutes: never five within an hour.
        var shop = Addresses.Evm("shop");
        var events = Enumerable.Range(0, 12).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"customer-{i}").Usd(3_000m).Account($"customer-{i}").To(shop).At(Day.AddMinutes(20 * i)));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Fact]
    public void FanIn_VictimsAfterTheCollectorStoppedBeingNew_RaiseNothing()
    {
        // Paid first 25 hours before: past fan-in's 24 hours as a new destination.
        var collector = Addresses.Evm("collector");
        WithdrawalEvent[] events =
        [
            EventBuilder.Withdrawal().Id("first").Usd(1_500m).Account("first").To(collector).At(Day),
            .. Enumerable.Range(0, 6).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"later-{i}").Usd(3_000m).Account($"later-{i}").To(collector).At(Day.AddHours(25).AddMinutes(5 * i))),
        ];

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Fact]
    public void FanIn_SameAccountsPayingAgain_NeitherRaiseNorGrow()
    {
        // Four accounts, each paying the collector three times within the hour: four distinct accounts, never five.
        var collector = Addresses.Evm("collector");
        var events = Enumerable.Range(0, 12).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"repeat-{i}").Usd(3_000m).Account($"acct-{i % 4}").To(collector).At(Day.AddMinutes(4 * i)));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Fact]
    public void FanIn_WithoutAccountIds_RaisesNothingButOtherRulesStillRun()
    {
        var events = Enumerable.Range(0, 6).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Usd(3_000m).Account(null).To(LazarusOfac).At(Day.AddMinutes(i)));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.SanctionedDestination, alert.Rule);
    }
}
