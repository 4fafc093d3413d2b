using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.App.Ingestion;

/// <summary>Keeps the alert changes of one batch, in the order the engine made them.</summary>
internal sealed class AlertChangeCollector : IAlertSink
{
    private readonly List<AlertChange> _changes = [];

    public IReadOnlyList<AlertChange> Changes => _changes;

    public void OnAlertChange(in AlertChange change) => _changes.Add(change);
}
