namespace AlertFunctions.App.AlertsApi;

/// <summary>Where a responder stands with an alert. Serialized camelCase: <c>open</c>, <c>acknowledged</c>, <c>resolved</c>.</summary>
public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
}
