namespace AlertFunctions.Detection.Alerts;

/// <summary>
/// What happened to an alert. <see cref="Raised"/> and <see cref="Escalated"/> (severity went up) are the changes a responder
/// must hear about; <see cref="Updated"/> only grows the evidence and is stored without a new notification.
/// </summary>
public enum AlertChangeKind
{
    Raised,
    Updated,
    Escalated,
}

public readonly record struct AlertChange(AlertChangeKind Kind, Alert Alert)
{
    public bool NeedsNotification => Kind is AlertChangeKind.Raised or AlertChangeKind.Escalated;
}
