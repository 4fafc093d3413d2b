namespace AlertFunctions.Storage.Alerts;

/// <summary>What responders have done with an alert. Stored as <c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</summary>
public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
}

public static class AlertStatusNames
{
    public static string ToName(this AlertStatus status) => status switch
    {
        AlertStatus.Open => "open",
        AlertStatus.Acknowledged => "acknowledged",
        AlertStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static AlertStatus Parse(string name) => name switch
    {
        "open" => AlertStatus.Open,
        "acknowledged" => AlertStatus.Acknowledged,
        "resolved" => AlertStatus.Resolved,
        _ => throw new FormatException($"'{name}' is not an alert status; expected open, acknowledged or resolved."),
    };
}
