using System.Text.Json;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Serialization;
using AlertFunctions.Storage.Tables;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.Alerts;

/// <summary>
/// Maps a <see cref="StoredAlert"/> to and from its row. Lists and details are JSON text, decimals invariant strings,
/// enums their contract names; optional values are left out rather than stored empty.
/// </summary>
internal static class AlertEntityMapper
{
    public const string NotificationStateProperty = "NotificationState";
    public const string NextAttemptAtProperty = "NextAttemptAt";
    public const string PlatformProperty = "Platform";
    public const string StatusProperty = "Status";

    public static TableEntity ToEntity(StoredAlert stored)
    {
        var alert = stored.Alert;
        var entity = new TableEntity(DayKey.From(stored.Day), alert.AlertId)
        {
            ["AlertId"] = alert.AlertId,
            ["Rule"] = alert.Rule,
            ["Severity"] = alert.Severity.ToName(),
            [PlatformProperty] = alert.Platform,
            ["Chain"] = alert.Chain,
            ["Asset"] = alert.Asset,
            ["Subject"] = alert.Subject,
            ["SubjectType"] = alert.SubjectType.ToName(),
            ["WindowStart"] = alert.WindowStart,
            ["WindowEnd"] = alert.WindowEnd,
            ["EventCount"] = alert.EventCount,
            ["AmountUsd"] = InvariantDecimal.Format(alert.AmountUsd),
            ["TriggerEventId"] = alert.TriggerEventId,
            ["EventIds"] = JsonList(alert.EventIds),
            ["EventIdsOmitted"] = alert.EventIdsOmitted,
            ["Destinations"] = JsonList(alert.Destinations),
            ["DestinationsOmitted"] = alert.DestinationsOmitted,
            ["TxHashes"] = JsonList(alert.TxHashes),
            ["Summary"] = alert.Summary,
            ["Details"] = JsonSerializer.Serialize(alert.Details, StorageJsonContext.Default.AlertDetails),
            ["Revision"] = alert.Revision,
            [NotificationStateProperty] = stored.NotificationState.ToName(),
            ["NotifiedSeverity"] = stored.NotifiedSeverity?.ToName() ?? "",
            ["NotificationAttempts"] = stored.NotificationAttempts,
            [StatusProperty] = stored.Status.ToName(),
        };

        SetIfPresent(entity, "AmountAsset", alert.AmountAsset is { } amountAsset ? InvariantDecimal.Format(amountAsset) : null);
        SetIfPresent(entity, "LastNotificationError", stored.LastNotificationError);
        SetIfPresent(entity, NextAttemptAtProperty, stored.NextAttemptAt);
        SetIfPresent(entity, "PostingUntil", stored.PostingUntil);
        SetIfPresent(entity, "AcknowledgedBy", stored.AcknowledgedBy);
        SetIfPresent(entity, "AcknowledgedAt", stored.AcknowledgedAt);
        SetIfPresent(entity, "ResolvedBy", stored.ResolvedBy);
        SetIfPresent(entity, "ResolvedAt", stored.ResolvedAt);
        return entity;
    }

    public static StoredAlert FromEntity(TableEntity entity)
    {
        var amountAsset = entity.GetString("AmountAsset");
        var notifiedSeverity = entity.GetString("NotifiedSeverity");
        var alert = new Alert
        {
            AlertId = Required(entity, "AlertId"),
            Rule = Required(entity, "Rule"),
            Severity = SeverityNames.Parse(Required(entity, "Severity")),
            Platform = Required(entity, PlatformProperty),
            Chain = Required(entity, "Chain"),
            Asset = Required(entity, "Asset"),
            Subject = Required(entity, "Subject"),
            SubjectType = SubjectTypeNames.Parse(Required(entity, "SubjectType")),
            WindowStart = RequiredInstant(entity, "WindowStart"),
            WindowEnd = RequiredInstant(entity, "WindowEnd"),
            EventCount = RequiredInt(entity, "EventCount"),
            AmountUsd = InvariantDecimal.Parse(Required(entity, "AmountUsd")),
            AmountAsset = string.IsNullOrEmpty(amountAsset) ? null : InvariantDecimal.Parse(amountAsset),
            TriggerEventId = Required(entity, "TriggerEventId"),
            EventIds = ReadList(entity, "EventIds"),
            EventIdsOmitted = entity.GetInt32("EventIdsOmitted") ?? 0,
            Destinations = ReadList(entity, "Destinations"),
            DestinationsOmitted = entity.GetInt32("DestinationsOmitted") ?? 0,
            TxHashes = ReadList(entity, "TxHashes"),
            Summary = Required(entity, "Summary"),
            Details = JsonSerializer.Deserialize(Required(entity, "Details"), StorageJsonContext.Default.AlertDetails)
                ?? throw Invalid(entity, "Details"),
            Revision = RequiredInt(entity, "Revision"),
        };

        return new StoredAlert
        {
            Alert = alert,
            Day = DayKey.Parse(entity.PartitionKey),
            NotificationState = NotificationStateNames.Parse(Required(entity, NotificationStateProperty)),
            NotifiedSeverity = string.IsNullOrEmpty(notifiedSeverity) ? null : SeverityNames.Parse(notifiedSeverity),
            NotificationAttempts = entity.GetInt32("NotificationAttempts") ?? 0,
            LastNotificationError = entity.GetString("LastNotificationError"),
            NextAttemptAt = entity.GetDateTimeOffset(NextAttemptAtProperty),
            PostingUntil = entity.GetDateTimeOffset("PostingUntil"),
            Status = AlertStatusNames.Parse(Required(entity, StatusProperty)),
            AcknowledgedBy = entity.GetString("AcknowledgedBy"),
            AcknowledgedAt = entity.GetDateTimeOffset("AcknowledgedAt"),
            ResolvedBy = entity.GetString("ResolvedBy"),
            ResolvedAt = entity.GetDateTimeOffset("ResolvedAt"),
        };
    }

    private static string JsonList(IReadOnlyList<string> values) =>
        JsonSerializer.Serialize(values as string[] ?? [.. values], StorageJsonContext.Default.StringArray);

    private static string[] ReadList(TableEntity entity, string property) =>
        JsonSerializer.Deserialize(Required(entity, property), StorageJsonContext.Default.StringArray) ?? throw Invalid(entity, property);

    private static void SetIfPresent(TableEntity entity, string property, object? value)
    {
        if (value is not null)
        {
            entity[property] = value;
        }
    }

    private static string Required(TableEntity entity, string property) =>
        entity.GetString(property) ?? throw Invalid(entity, property);

    private static int RequiredInt(TableEntity entity, string property) =>
        entity.GetInt32(property) ?? throw Invalid(entity, property);

    private static DateTimeOffset RequiredInstant(TableEntity entity, string property) =>
        entity.GetDateTimeOffset(property) ?? throw Invalid(entity, property);

    private static InvalidDataException Invalid(TableEntity entity, string property) =>
        new($"Alert row {entity.PartitionKey}/{entity.RowKey} has no valid {property} property.");
}
