using AlertFunctions.Detection.Alerts;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// One rapid-drain alert per wallet stays open while its window holds the finding: a second incident on that wallet grows
/// the open alert instead of raising its own. Responders must still hear of it.
/// </summary>
public sealed class OpenAlertGrowthTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private const string TornadoTenEth = "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf";

    [Theory]
    [InlineData(1, "USDT")]
    [InlineData(2, "USDT")]
    [InlineData(3, "ETH")]
    [InlineData(4, "ETH")]
    public void ADrainAbsorbedByALookAlikesOpenAlert_IsAnnouncedOnceItDoublesTheAlert(int seed, string drainedAsset)
    {
        // Two days of a hot wallet's customers. Then a new institutional client takes $1.2M of USDT to its new address in
        // three withdrawals within the hour (a look-alike that raises a high rapid-drain alert, open for 12 hours), and 2.5
        // hours later a stolen key sends five $600,000 legs to another new address within six minutes. They grow the
        // look-alike's alert (one alert per wallet); its responders must hear of it.
        var hot = Addresses.Evm("busy-hot");
        var day = Start.AddDays(2).AddHours(9);
        var events = new TrafficBuilder(seed) { Wallet = hot, Assets = ["USDT", "ETH"] }.Between(Start, day.AddHours(4)).ToList();
        for (var i = 0; i < 3; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"client-{i}").From(hot).Asset("USDT").Usd(400_000m).To(Addresses.Evm("client-desk")).Account("acct-client").At(day.AddMinutes(20 * i)));
        }

        var drainStart = day.AddMinutes(40 + 150);
        for (var i = 0; i < 5; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"drain-{i}").From(hot).Asset(drainedAsset).Usd(600_000m).To(Addresses.Evm("thief")).At(drainStart.AddMinutes(1.5 * i)));
        }

        var run = ScenarioRun.Of(events);

        var raised = Assert.Single(run.Changes, c => c.Kind == AlertChangeKind.Raised && c.Alert.Rule == RuleIds.RapidDrain).Alert;
        Assert.Equal(Severity.High, raised.Severity);
        Assert.StartsWith("client-", raised.TriggerEventId, StringComparison.Ordinal);
        // Where a $600,000 key transfer is over 10x the wallet's largest routine withdrawal, large-withdrawal names the first leg
        // on its own (most of a small wallet's key transfer, no balance reported); nothing else is raised.
        Assert.All(run.Changes.Where(c => c.Kind == AlertChangeKind.Raised && c.Alert.Rule != RuleIds.RapidDrain), c => Assert.Equal((RuleIds.LargeWithdrawal, "drain-0"), (c.Alert.Rule, c.Alert.TriggerEventId)));
        var announced = run.Changes.Where(c => c.NeedsNotification && c.Alert.AlertId == raised.AlertId).Select(c => c.Alert).ToList();
        Assert.Equal(2, announced.Count);
        var escalated = announced[1];
        Assert.Equal((raised.AlertId, Severity.Critical), (escalated.AlertId, escalated.Severity));
        // Announced during the drain (the alert keeps the trigger it was raised by; its window ends at the withdrawal that
        // grew it), naming the thief's address.
        Assert.InRange(escalated.WindowEnd, drainStart, drainStart.AddMinutes(6));
        Assert.Contains(Addresses.Evm("thief"), escalated.Destinations);
    }

    [Fact]
    public void OtherRulesAlerts_DoNotEscalateByGrowth_TheirSeverityFollowsTheirOwnAmounts()
    {
        // Found by a review helper: two customers' 1 ETH ($3,000) into a mixer pool, two hours apart. Doubled, the alert
        // went critical, where mixer-usage is critical from $1,000,000.
        var run = ScenarioRun.Of(
        [
            EventBuilder.Withdrawal().Id("m1").Asset("ETH").Units(1m, 3_000m).To(TornadoTenEth).Account("a1").At(Start),
            EventBuilder.Withdrawal().Id("m2").Asset("ETH").Units(1m, 3_000m).To(TornadoTenEth).Account("a2").At(Start.AddHours(2)),
        ]);

        var changes = run.Changes.Where(c => c.Alert.Rule == RuleIds.MixerUsage).ToList();
        Assert.Equal([(AlertChangeKind.Raised, Severity.High), (AlertChangeKind.Updated, Severity.High)], changes.Select(c => (c.Kind, c.Alert.Severity)));
        Assert.Equal(6_000m, changes[1].Alert.AmountUsd);
    }
}
