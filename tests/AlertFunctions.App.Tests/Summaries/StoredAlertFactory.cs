using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;

namespace AlertFunctions.App.Tests.Summaries;

/// <summary>Stored alerts with only what a daily summary reads set to the test's values.</summary>
internal static class StoredAlertFactory
{
    public static StoredAlert Create(
        string alertId,
        string platform,
        string rule,
        Severity severity,
        string subject,
        decimal amountUsd,
        NotificationState notificationState = NotificationState.Delivered) => new()
    {
        Alert = new Alert
        {
            AlertId = alertId,
            Rule = rule,
            Severity = severity,
            Platform = platform,
            Chain = "ethereum",
            Asset = "ETH",
            Subject = subject,
            SubjectType = SubjectType.SourceWallet,
            WindowStart = new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero),
            WindowEnd = new DateTimeOffset(2026, 3, 14, 11, 0, 0, TimeSpan.Zero),
            EventCount = 2,
            AmountUsd = amountUsd,
            TriggerEventId = "evt-" + alertId,
            EventIds = ["evt-" + alertId],
            Destinations = ["0xdest"],
            TxHashes = [],
            Summary = "summary of " + alertId,
            Details = new AlertDetails("window outflow USD", amountUsd, 1m, null, null),
            Revision = 1,
        },
        NotificationState = notificationState,
        Status = AlertStatus.Open,
        Day = new DateOnly(2026, 3, 14),
    };
}
