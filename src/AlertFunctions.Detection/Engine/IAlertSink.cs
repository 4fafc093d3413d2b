using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Detection.Engine;

/// <summary>Receives alert changes as the engine makes them. An interface, not a delegate, so the hot path allocates nothing.</summary>
public interface IAlertSink
{
    void OnAlertChange(in AlertChange change);
}
