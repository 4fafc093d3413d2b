namespace AlertFunctions.Storage.Alerts;

/// <summary>The outbox state of an alert's Teams notification. Stored as <c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
public enum NotificationState
{
    Pending,
    Delivered,
    Failed,
}

public static class NotificationStateNames
{
    public static string ToName(this NotificationState state) => state switch
    {
        NotificationState.Pending => "pending",
        NotificationState.Delivered => "delivered",
        NotificationState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static NotificationState Parse(string name) => name switch
    {
        "pending" => NotificationState.Pending,
        "delivered" => NotificationState.Delivered,
        "failed" => NotificationState.Failed,
        _ => throw new FormatException($"'{name}' is not a notification state; expected pending, delivered or failed."),
    };
}
