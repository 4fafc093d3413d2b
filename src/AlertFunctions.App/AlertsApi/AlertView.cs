using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.App.AlertsApi;

/// <summary>An alert as the API and the responder page show it: the finding itself plus what responders and Teams did with it.</summary>
public sealed record AlertView
{
    public required Alert Alert { get; init; }
    public required AlertStatus Status { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public required NotificationState NotificationState { get; init; }
}
