using System.Text.Json;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Serialization;

namespace AlertFunctions.Storage.Notifications;

/// <summary>
/// "Alert X at this severity and revision needs posting": the body of an <c>alert-notifications</c> queue message,
/// JSON <c>{"alertId":"...","severity":"high","revision":2}</c>. The deliverer reloads the alert, so the message stays small.
/// </summary>
public sealed record NotificationMessage(string AlertId, string Severity, int Revision)
{
    public static NotificationMessage For(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new NotificationMessage(alert.AlertId, alert.Severity.ToName(), alert.Revision);
    }

    public string ToJson() => JsonSerializer.Serialize(this, StorageJsonContext.Default.NotificationMessage);

    /// <summary>Parses a message body; throws <see cref="FormatException"/> when it is not a notification message.</summary>
    public static NotificationMessage Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        NotificationMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, StorageJsonContext.Default.NotificationMessage);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The queue message is not valid notification JSON.", ex);
        }

        if (message is null || string.IsNullOrEmpty(message.AlertId) || string.IsNullOrEmpty(message.Severity))
        {
            throw new FormatException("The queue message lacks alertId or severity.");
        }

        _ = SeverityNames.Parse(message.Severity);
        return message;
    }
}
