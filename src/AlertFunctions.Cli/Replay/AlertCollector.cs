using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Keeps the newest revision of every alert, in the order alerts were first raised, and counts notifications a live
/// deployment would have sent (raises and escalations). Memory grows with alerts, not with events.
/// </summary>
internal sealed class AlertCollector : IAlertSink
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly List<Alert> _alerts = [];
    private readonly List<AlertChange> _pending = [];

    public IReadOnlyList<Alert> Alerts => _alerts;

    public int Notifications { get; private set; }

    public int Escalations { get; private set; }

    /// <summary>When true, every change is also kept until <see cref="DrainChanges"/> (to forward to storage or Teams).</summary>
    public bool KeepChanges { get; init; }

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
        }

        if (change.NeedsNotification)
        {
            Notifications++;
        }

        if (change.Kind == AlertChangeKind.Escalated)
        {
            Escalations++;
        }

        if (KeepChanges)
        {
            _pending.Add(change);
        }
    }

    public IReadOnlyList<AlertChange> DrainChanges()
    {
        var changes = _pending.ToList();
        _pending.Clear();
        return changes;
    }
}
