using AlertFunctions.Detection.Alerts;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Determinism, duplicates and late events: the properties at-least-once delivery relies on.</summary>
public sealed class DeliverySemanticsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SameInput_TwoRuns_ProduceByteIdenticalAlerts()
    {
        // One input for both runs: the traffic's event ids come from a process-wide sequence, and alerts name ordinary
        // withdrawals too when they are among a window's largest.
        var events = IncidentDay.Events();
        var first = AlertsText.Of(ScenarioRun.Of(events).Alerts);
        var second = AlertsText.Of(ScenarioRun.Of(events).Alerts);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void DuplicatedEvents_AreSkipped_AndYieldTheSameAlerts()
    {
        var events = IncidentDay.Events();
        var once = AlertsText.Of(ScenarioRun.Of(events).Alerts);

        var duplicated = events.Concat(events.Where((_, i) => i % 3 == 0)).ToList();
        var run = ScenarioRun.Of(duplicated);

        Assert.Equal(once, AlertsText.Of(run.Alerts));
        Assert.Equal(duplicated.Count - events.Count, run.Engine.Counters.Duplicates);
    }

    [Fact]
    public void SameEventIdOnTwoPlatforms_IsNotADuplicate()
    {
        var run = ScenarioRun.Of(
        [
            EventBuilder.Withdrawal().Id("evt-1").Platform("northwind-exchange").At(Day0),
            EventBuilder.Withdrawal().Id("evt-1").Platform("contoso-defi").At(Day0),
            EventBuilder.Withdrawal().Id("evt-1").Platform("contoso-defi").At(Day0),
        ]);

        Assert.Equal(2, run.Engine.Counters.Evaluated);
        Assert.Equal(1, run.Engine.Counters.Duplicates);
    }

    [Fact]
    public void EventLaterThanAllowedLateness_SkipsWindowsButStillHitsTheWatchlist()
    {
        var hot = Addresses.Evm("hot");
        var run = ScenarioRun.Of([EventBuilder.Withdrawal().From(hot).Usd(100m).At(Day0.AddHours(2))]);

        run.Feed([EventBuilder.Withdrawal().Id("late").From(hot).Usd(50m).To("0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B").At(Day0.AddHours(1))]);

        Assert.Equal(1, run.Engine.Counters.Late);
        Assert.Equal("late", Assert.Single(run.Alerts).TriggerEventId);
    }

    [Fact]
    public void StateExportedMidStream_ImportedIntoAFreshEngine_ContinuesWithTheSameAlerts()
    {
        var events = IncidentDay.Events().OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
        var whole = ScenarioRun.Of(events);

        var half = events.Count - 20;
        var before = ScenarioRun.Of(events.Take(half));
        var after = ScenarioRun.Of([]);
        after.Engine.Import(before.Engine.ExportAll());
        after.Feed(events.Skip(half));

        var expected = whole.Alerts.Select(a => a.AlertId).Order().ToList();
        var continued = before.Alerts.Concat(after.Alerts).Select(a => a.AlertId).Distinct().Order().ToList();
        Assert.Equal(expected, continued);
        Assert.Equal(AlertsText.Of(whole.Alerts.Where(a => after.Alerts.Any(b => b.AlertId == a.AlertId))), AlertsText.Of(after.Alerts));
    }

    [Fact]
    public void StateImportedBetweenTheLegsOfAMultiAssetDrain_TheRaisedAlertStillNamesTheLegsBeforeTheRestart()
    {
        // A partition moving to another instance mid-drain: the pairs that looked drained before the move are counted
        // from the snapshot, and the card must still show where their funds went.
        var hot = Addresses.Evm("hot");
        var attackAt = Day0.AddDays(2).AddHours(10);
        var events = new TrafficBuilder(2) { Wallet = hot, Assets = ["USDT", "ETH", "USDC"], EventsPerHour = 60 }.Between(Day0, attackAt).ToList();
        (string Asset, decimal Usd)[] legs = [("USDT", 11_000_000m), ("ETH", 9_000_000m), ("USDC", 1_700_000m)];
        var legEvents = legs.Select((leg, i) => EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset(leg.Asset).Usd(leg.Usd).To(Addresses.Evm($"attacker-{i}")).At(attackAt.AddMinutes(4 + i)).Build()).ToList();
        var before = ScenarioRun.Of(events.Concat(legEvents.Take(2)));
        var after = ScenarioRun.Of([]);

        after.Engine.Import(before.Engine.ExportAll());
        after.Feed(legEvents.Skip(2));

        var raised = Assert.Single(after.Changes, c => c.Kind == AlertChangeKind.Raised && c.Alert.Rule == RuleIds.MultiAssetDrain).Alert;
        Assert.Equal("leg-2", raised.TriggerEventId);
        Assert.Superset(new HashSet<string> { "leg-0", "leg-1", "leg-2" }, raised.EventIds.ToHashSet());
        Assert.Superset(new HashSet<string> { Addresses.Evm("attacker-0"), Addresses.Evm("attacker-1"), Addresses.Evm("attacker-2") }, raised.Destinations.ToHashSet());
    }
}
