using System.Text.Json;
using AlertFunctions.Storage.Serialization;
using AlertFunctions.Storage.Tables;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.Summaries;

/// <summary>Maps a <see cref="DailySummaryRecord"/> to its row: counts as numbers, USD as an invariant string, breakdowns as JSON.</summary>
internal static class SummaryEntityMapper
{
    public static TableEntity ToEntity(DailySummaryRecord record)
    {
        var entity = new TableEntity(DayKey.From(record.Day), TableKey.Encode(record.Platform))
        {
            ["Platform"] = record.Platform,
            ["Withdrawals"] = record.Withdrawals,
            ["UnvaluedWithdrawals"] = record.UnvaluedWithdrawals,
            ["VolumeUsd"] = InvariantDecimal.Format(record.VolumeUsd),
            ["AlertsByRule"] = JsonSerializer.Serialize(new Dictionary<string, int>(record.AlertsByRule), StorageJsonContext.Default.DictionaryStringInt32),
            ["AlertsBySeverity"] = JsonSerializer.Serialize(new Dictionary<string, int>(record.AlertsBySeverity), StorageJsonContext.Default.DictionaryStringInt32),
            ["TopSubjects"] = JsonSerializer.Serialize(record.TopSubjects.ToArray(), StorageJsonContext.Default.SummarySubjectArray),
            ["DeadLettered"] = record.DeadLettered,
            ["DeadLetteredWithoutPlatform"] = record.DeadLetteredWithoutPlatform,
            ["UndeliveredNotifications"] = record.UndeliveredNotifications,
            ["GeneratedAt"] = record.GeneratedAt,
        };
        if (record.PostedAt is { } postedAt)
        {
            entity["PostedAt"] = postedAt;
        }

        return entity;
    }

    public static DailySummaryRecord FromEntity(TableEntity entity) => new()
    {
        Day = DayKey.Parse(entity.PartitionKey),
        Platform = Required(entity, "Platform"),
        Withdrawals = entity.GetInt64("Withdrawals") ?? throw Invalid(entity, "Withdrawals"),
        UnvaluedWithdrawals = entity.GetInt64("UnvaluedWithdrawals") ?? 0,
        VolumeUsd = InvariantDecimal.Parse(Required(entity, "VolumeUsd")),
        AlertsByRule = Counts(entity, "AlertsByRule"),
        AlertsBySeverity = Counts(entity, "AlertsBySeverity"),
        TopSubjects = JsonSerializer.Deserialize(Required(entity, "TopSubjects"), StorageJsonContext.Default.SummarySubjectArray)
            ?? throw Invalid(entity, "TopSubjects"),
        DeadLettered = entity.GetInt64("DeadLettered") ?? throw Invalid(entity, "DeadLettered"),
        // Absent from rows written before dead letters named their platform (then DeadLettered held the all-platform total).
        DeadLetteredWithoutPlatform = entity.GetInt64("DeadLetteredWithoutPlatform") ?? 0,
        UndeliveredNotifications = entity.GetInt64("UndeliveredNotifications") ?? throw Invalid(entity, "UndeliveredNotifications"),
        GeneratedAt = entity.GetDateTimeOffset("GeneratedAt") ?? throw Invalid(entity, "GeneratedAt"),
        PostedAt = entity.GetDateTimeOffset("PostedAt"),
    };

    private static Dictionary<string, int> Counts(TableEntity entity, string property) =>
        JsonSerializer.Deserialize(Required(entity, property), StorageJsonContext.Default.DictionaryStringInt32) ?? throw Invalid(entity, property);

    private static string Required(TableEntity entity, string property) =>
        entity.GetString(property) ?? throw Invalid(entity, property);

    private static InvalidDataException Invalid(TableEntity entity, string property) =>
        new($"Summary row {entity.PartitionKey}/{entity.RowKey} has no valid {property} property.");
}
