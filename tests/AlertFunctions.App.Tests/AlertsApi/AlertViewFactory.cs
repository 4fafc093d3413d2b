using AlertFunctions.App.AlertsApi;
using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.App.Tests.AlertsApi;

/// <summary>Alerts for tests.</summary>
internal static class AlertViewFactory
{
    /// <summary>An alert in <paramref name="status"/>; <paramref name="text"/> goes into its free-text fields, to test encoding.</summary>
    public static AlertView Create(AlertStatus status = AlertStatus.Open, string text = "exchange-a") => new()
    {
        Alert = new Alert
        {
            AlertId = "large-withdrawal:" + text,
            Rule = RuleIds.LargeWithdrawal,
            Severity = Severity.High,
            Platform = text,
            Chain = "ethereum",
            Asset = "USDT",
            Subject = "0xabc" + text,
            SubjectType = SubjectType.SourceWallet,
            WindowStart = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero),
            WindowEnd = new DateTimeOffset(2025, 3, 1, 10, 5, 0, TimeSpan.Zero),
            EventCount = 3,
            AmountUsd = 1_250_000.50m,
            AmountAsset = 1_250_100m,
            TriggerEventId = "evt-" + text,
            EventIds = ["evt-1", "evt-2", "evt-3"],
            Destinations = ["0xdest" + text],
            TxHashes = ["0xtx1"],
            Summary = "Large withdrawal from " + text,
            Details = new AlertDetails("withdrawal USD", 1_250_000.50m, 1_000_000m, null, 1.25m),
            Revision = 1,
        },
        Status = status,
        AcknowledgedBy = status == AlertStatus.Acknowledged ? "bob@example.com" : null,
        AcknowledgedAt = status == AlertStatus.Acknowledged ? new DateTimeOffset(2025, 3, 1, 10, 7, 0, TimeSpan.Zero) : null,
        NotificationState = NotificationState.Sent,
    };
}
