using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Runs events through a fresh engine at default settings, in event-time order, and keeps every alert change.</summary>
internal sealed class ScenarioRun : IAlertSink
{
    private readonly List<AlertChange> _changes = [];

    private ScenarioRun(DetectionRules rules, Watchlist watchlist)
    {
        Engine = new DetectionEngine(rules, watchlist);
    }

    public DetectionEngine Engine { get; }

    public IReadOnlyList<AlertChange> Changes => _changes;

    /// <summary>The newest revision of each alert, in the order they were raised.</summary>
    public IReadOnlyList<Alert> Alerts => _changes
        .GroupBy(c => c.Alert.AlertId)
        .Select(g => g.Last().Alert)
        .ToList();

    public static ScenarioRun Of(IEnumerable<WithdrawalEvent> events, DetectionRules? rules = null, Watchlist? watchlist = null)
    {
        var run = new ScenarioRun(rules ?? DetectionRules.Default, watchlist ?? new Watchlist(WatchlistCsvReader.ReadEmbeddedDefault()));
        run.Feed(events);
        return run;
    }

    public ScenarioRun Feed(IEnumerable<WithdrawalEvent> events)
    {
        foreach (var e in events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal))
        {
            Engine.Process(e, this);
        }

        return this;
    }

    public IReadOnlyList<Alert> AlertsOf(string rule) => Alerts.Where(a => a.Rule == rule).ToList();

    public void OnAlertChange(in AlertChange change) => _changes.Add(change);
}
