using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Keeps the newest revision of every alert raised in one detection lane, remembers which event first raised it, and counts
/// the notifications a live deployment would have sent (raises and escalations). Memory grows with alerts, not with events.
/// </summary>
internal sealed class AlertCollector : IAlertSink
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly List<Alert> _alerts = [];
    private readonly List<(long Ticks, string EventId)> _raisedBy = [];
    private long _eventTicks;
    private string _eventId = "";

    public IReadOnlyList<Alert> Alerts => _alerts;

    public int Notifications { get; private set; }

    public int Escalations { get; private set; }

    /// <summary>Names the event the engine is about to process, so an alert it raises is ordered by it.</summary>
    public void BeginEvent(in WithdrawalEvent e)
    {
        _eventTicks = e.Timestamp.UtcTicks;
        _eventId = e.EventId;
    }

    public void OnAlertChange(in AlertChange change)
    {
        var alert = change.Alert;
        if (_positions.TryGetValue(alert.AlertId, out var position))
        {
            _alerts[position] = alert;
        }
        else
        {
            _positions.Add(alert.AlertId, _alerts.Count);
            _alerts.Add(alert);
            _raisedBy.Add((_eventTicks, _eventId));
        }

        if (change.NeedsNotification)
        {
            Notifications++;
        }

        if (change.Kind == AlertChangeKind.Escalated)
        {
            Escalations++;
        }
    }

    /// <summary>
    /// Every lane's alerts in one list, ordered by the event that first raised each (event time, then event id; alerts of
    /// one event keep the order they were raised in). That is the order of a single sorted pass over the events, so it does
    /// not depend on how many lanes ran or which platform landed on which.
    /// </summary>
    public static IReadOnlyList<Alert> Merge(IReadOnlyList<AlertCollector> lanes)
    {
        var merged = new List<(long Ticks, string EventId, int Lane, int Position)>();
        for (var lane = 0; lane < lanes.Count; lane++)
        {
            var raisedBy = lanes[lane]._raisedBy;
            for (var position = 0; position < raisedBy.Count; position++)
            {
                merged.Add((raisedBy[position].Ticks, raisedBy[position].EventId, lane, position));
            }
        }

        return merged
            .OrderBy(a => a.Ticks)
            .ThenBy(a => a.EventId, StringComparer.Ordinal)
            .ThenBy(a => a.Position)
            .Select(a => lanes[a.Lane]._alerts[a.Position])
            .ToList();
    }
}
