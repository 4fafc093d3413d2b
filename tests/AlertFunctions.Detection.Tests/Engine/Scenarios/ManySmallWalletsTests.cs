using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine.RuleEvaluators;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Many small wallets emptied into one new address: each sweep is under every per-wallet floor ($50,000 a wallet or a
/// leg), so only their number, their one destination and the missing account give the key away.
/// </summary>
public sealed class ManySmallWalletsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AttackDay = Day0.AddDays(2).AddHours(14);
    private static readonly string Thief = Addresses.Evm("collector");
    private const string SourceWalletsMeasure = ManyWalletsIntoOneAddress.Measure;

    [Fact]
    public void EightySmallWalletsSweptIntoOneNewAddressWithoutAccounts_RaiseTheMultiAssetAlertWhenTheThresholdIsCrossed()
    {
        var sweeps = Sweeps(80, account: null).ToList();

        var run = ScenarioRun.Of([.. CustomersOfTheExchange(), .. sweeps]);

        var alert = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Equal(FirstCrossing(sweeps, minWallets: 10, minUsd: 1_000_000m), run.Changes.First(c => c.Alert.Rule == RuleIds.MultiAssetDrain).Alert.TriggerEventId);
        Assert.Contains(Thief, alert.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SourceWalletsMeasure, alert.Details.Measure);
        Assert.All(run.Alerts.Where(a => a.TriggerEventId.StartsWith("sweep-", StringComparison.Ordinal)), a => Assert.Equal(RuleIds.MultiAssetDrain, a.Rule));
    }

    [Fact]
    public void NineSmallWalletsSweptIntoOneNewAddress_AreFewerThanTheRuleCounts()
    {
        var run = ScenarioRun.Of([.. CustomersOfTheExchange(), .. Sweeps(9, account: null, usdEach: 150_000m)]);

        Assert.DoesNotContain(run.Alerts, a => a.Details.Measure == SourceWalletsMeasure);
    }

    [Fact]
    public void AnInstitutionsWithdrawalsPaidFromManyHotWalletsToItsNewAddress_RaiseNoMultiAssetAlert()
    {
        // The same shape with the customer's account on every withdrawal: an exchange that pays one large customer from
        // whichever hot wallet holds the funds.
        var run = ScenarioRun.Of([.. CustomersOfTheExchange(), .. Sweeps(80, account: "acct-institution")]);

        Assert.Empty(run.AlertsOf(RuleIds.MultiAssetDrain));
    }

    [Fact]
    public void ADefiUserExitingManyPoolsToANewAddress_RaisesNoMultiAssetAlert()
    {
        // On a DeFi platform the account is the initiating address and may be absent; pools are not the platform's keys.
        var pools = Sweeps(80, account: null).Select(e => e with { Platform = "contoso-defi", PlatformType = PlatformType.Defi });

        var run = ScenarioRun.Of([.. CustomersOfTheExchange().Select(e => e with { Platform = "contoso-defi", PlatformType = PlatformType.Defi }), .. pools]);

        Assert.Empty(run.AlertsOf(RuleIds.MultiAssetDrain));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(31)]
    public void EightySmallWallets_RestartedPartWayThroughTheSweeps_RaiseTheSameAlert(int sweepsBeforeRestart)
    {
        // The destination's count of wallets (and their USD) is saved with it: a restart between sweeps changes nothing.
        var events = RestartReplay.InTimeOrder([.. CustomersOfTheExchange(), .. Sweeps(80, account: null)], new Random(1), jitter: false);
        var cut = events.FindIndex(e => e.EventId == $"sweep-{sweepsBeforeRestart:D2}");

        var (_, afterCut) = RestartReplay.AssertRestartChangesNothing(events, cut, $"restart before sweep {sweepsBeforeRestart}");

        Assert.Contains(afterCut, c => c.Alert.Rule == RuleIds.MultiAssetDrain && c.Alert.Details.Measure == SourceWalletsMeasure);
    }

    [Fact]
    public void EightySmallWallets_AfterTheAlertIsRaised_EverySweepIntoTheCollectorGrowsIt()
    {
        // Every sweep is under the $50,000 a platform alert otherwise needs to grow: the alert must still follow the drain,
        // or responders read the first $1,000,000 of $2,500,000 and none of the later sweeps' transactions.
        var sweeps = Sweeps(80, account: null).ToList();

        var run = ScenarioRun.Of([.. CustomersOfTheExchange(), .. sweeps]);

        var alert = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal(sweeps.Sum(e => e.AmountUsd!.Value), alert.AmountUsd);
        Assert.Equal(sweeps[^1].Timestamp, alert.WindowEnd);
        Assert.Single(run.Changes, c => c.Alert.Rule == RuleIds.MultiAssetDrain && c.NeedsNotification);
    }

    [Fact]
    public void EightySmallWallets_TheSummaryDoesNotUnderstateHowManyWalletsSent()
    {
        // Sixteen wallets are remembered; 33 had sent when the USD floor was crossed. "16 wallets sent $1,007,704" is false.
        var sweeps = Sweeps(80, account: null).ToList();

        var run = ScenarioRun.Of([.. CustomersOfTheExchange(), .. sweeps]);

        var raised = run.Changes.First(c => c.Alert.Rule == RuleIds.MultiAssetDrain).Alert;
        var sent = sweeps.TakeWhile(e => e.EventId != raised.TriggerEventId).Count() + 1;
        Assert.True(sent > 16, $"the test needs more wallets than are remembered, was {sent}");
        Assert.DoesNotContain(": 16 wallets sent", raised.Summary, StringComparison.Ordinal);
        Assert.Contains("at least 16 wallets", raised.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void EightySmallWalletsSweptAfterADustTestPaymentToTheCollector_RaiseTheMultiAssetAlert()
    {
        // The thief checks the key with a $5 transfer to his address 40 minutes before he sweeps: the address must stay new,
        // as it does for large legs (DestinationState.ReceivedOnlyDustBefore), or the sweeps fall outside the 30 minutes.
        var test = EventBuilder.Withdrawal().Id("test-payment").From(Addresses.Evm("deposit-0")).To(Thief).Usd(5m).Account(null)
            .At(AttackDay.AddMinutes(-40)).Build();

        var run = ScenarioRun.Of([.. CustomersOfTheExchange(), test, .. Sweeps(80, account: null)]);

        Assert.Contains(run.AlertsOf(RuleIds.MultiAssetDrain), a => a.Details.Measure == SourceWalletsMeasure);
    }

    [Fact]
    public void FortySmallWalletsSweptIntoOneNewAddressWithinTheHour_RaiseTheMultiAssetAlert()
    {
        // Forty wallets, $1,260,000, one every 90 seconds: the shape the rule targets ("swept within the hour"), but the floor
        // is crossed 48 minutes after the first sweep, past the destination's first 30 minutes.
        var sweeps = Sweeps(40, account: null, every: TimeSpan.FromSeconds(90)).ToList();
        Assert.True(sweeps.Sum(e => e.AmountUsd!.Value) > 1_200_000m);

        var run = ScenarioRun.Of([.. CustomersOfTheExchange(), .. sweeps]);

        Assert.Contains(run.AlertsOf(RuleIds.MultiAssetDrain), a => a.Details.Measure == SourceWalletsMeasure);
    }

    [Fact]
    public void ASweepArrivingLateWithAnEarlierTimestamp_TheSummarySpansFromItToTheLatestSweep()
    {
        // Sweeps from another partition arrive late: one stamped 2 minutes before the first counted. The count runs from the
        // earliest sweep it holds, and "within -2 min" would tell the responder nothing.
        var sweeps = Sweeps(26, account: null, usdEach: 40_000m).ToList();
        var late = EventBuilder.Withdrawal().Id("sweep-late").From(Addresses.Evm("deposit-late")).To(Thief).Usd(40_000m).Account(null)
            .At(AttackDay.AddMinutes(-2)).Build();

        var run = ScenarioRun.Of([.. CustomersOfTheExchange().Where(e => e.Timestamp <= sweeps[^1].Timestamp), .. sweeps]).Feed([late]);

        var grown = run.Changes.Last(c => c.Alert.Rule == RuleIds.MultiAssetDrain).Alert;
        Assert.Equal(27 * 40_000m, grown.AmountUsd);
        Assert.Contains("wallets sent $1,080,000", grown.Summary, StringComparison.Ordinal);
        Assert.Contains("within 20 min", grown.Summary, StringComparison.Ordinal);
    }

    private static IEnumerable<WithdrawalEvent> CustomersOfTheExchange() =>
        new TrafficBuilder(21) { Wallet = Addresses.Evm("hot-wallet"), EventsPerHour = 60 }.Between(Day0, AttackDay.AddHours(2));

    /// <summary>One sweep per wallet, $19,000–$44,000 each (seeded), spread over an hour.</summary>
    private static IEnumerable<WithdrawalEvent> Sweeps(int wallets, string? account, decimal? usdEach = null, TimeSpan? every = null)
    {
        var random = new Random(5);
        for (var i = 0; i < wallets; i++)
        {
            var usd = usdEach ?? Math.Round(19_000m + ((decimal)random.NextDouble() * 25_000m), 2);
            yield return EventBuilder.Withdrawal().Id($"sweep-{i:D2}").From(Addresses.Evm($"deposit-{i}")).To(Thief).Usd(usd).Account(account)
                .At(AttackDay + ((every ?? TimeSpan.FromSeconds(45)) * i)).Build();
        }
    }

    private static string FirstCrossing(IReadOnlyList<WithdrawalEvent> sweeps, int minWallets, decimal minUsd)
    {
        var usd = 0m;
        for (var i = 0; i < sweeps.Count; i++)
        {
            usd += sweeps[i].AmountUsd!.Value;
            if (i + 1 >= minWallets && usd >= minUsd)
            {
                return sweeps[i].EventId;
            }
        }

        throw new InvalidOperationException("the sweeps never cross the threshold");
    }
}
