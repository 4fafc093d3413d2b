namespace AlertFunctions.App.AlertsApi;

/// <summary>
/// Whether Teams has heard about an alert's latest notifiable change. <see cref="Failed"/> posts are retried by the sweep.
/// Serialized camelCase: <c>pending</c>, <c>sent</c>, <c>failed</c>.
/// </summary>
public enum NotificationState
{
    Pending,
    Sent,
    Failed,
}
