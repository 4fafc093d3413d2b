using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Detection.Tests.Engine;

/// <summary>Keeps every alert change the engine reports, in order.</summary>
internal sealed class AlertChangeRecorder : IAlertSink
{
    public List<AlertChange> Changes { get; } = [];

    public void OnAlertChange(in AlertChange change) => Changes.Add(change);
}
