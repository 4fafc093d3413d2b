using AlertFunctions.Storage.Alerts;
using StoredAlertStatus = AlertFunctions.Storage.Alerts.AlertStatus;
using StoredNotificationState = AlertFunctions.Storage.Alerts.NotificationState;

namespace AlertFunctions.App.AlertsApi;

/// <summary>Maps a stored alert to what the API and responder pages show; the storage and API enums evolve separately.</summary>
internal static class AlertViewMapper
{
    public static AlertView ToView(StoredAlert stored) => new()
    {
        Alert = stored.Alert,
        Status = ToApi(stored.Status),
        AcknowledgedBy = stored.AcknowledgedBy,
        AcknowledgedAt = stored.AcknowledgedAt,
        ResolvedBy = stored.ResolvedBy,
        ResolvedAt = stored.ResolvedAt,
        NotificationState = ToApi(stored.NotificationState),
    };

    public static StoredAlertStatus ToStorage(AlertStatus status) => status switch
    {
        AlertStatus.Open => StoredAlertStatus.Open,
        AlertStatus.Acknowledged => StoredAlertStatus.Acknowledged,
        AlertStatus.Resolved => StoredAlertStatus.Resolved,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static AlertStatus ToApi(StoredAlertStatus status) => status switch
    {
        StoredAlertStatus.Open => AlertStatus.Open,
        StoredAlertStatus.Acknowledged => AlertStatus.Acknowledged,
        StoredAlertStatus.Resolved => AlertStatus.Resolved,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static NotificationState ToApi(StoredNotificationState state) => state switch
    {
        StoredNotificationState.Pending => NotificationState.Pending,
        StoredNotificationState.Delivered => NotificationState.Sent,
        StoredNotificationState.Failed => NotificationState.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
