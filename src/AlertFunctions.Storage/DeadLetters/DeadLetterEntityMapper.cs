using AlertFunctions.Detection.Contract;
using AlertFunctions.Storage.Tables;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.DeadLetters;

/// <summary>
/// Maps a dead letter to rows. The raw body is split into 64 KiB binary properties RawBody0..RawBodyN (numbered across rows) with
/// RawBodyLength; up to <see cref="ChunksPerRow"/> chunks (704 KiB) stay on the main row and the rest of a larger body (up to
/// <see cref="MaxRawBodyBytes"/>) goes to overflow rows, because a row may not exceed 1 MiB (Azurite counts the Base64 JSON,
/// which is a third larger than the bytes).
/// Every row has <c>Part</c> (0 = main), which is how queries count items rather than rows.
/// </summary>
internal static class DeadLetterEntityMapper
{
    public const int ChunksPerRow = 11;
    public const int MaxRawBodyBytes = 2 * 1024 * 1024;
    public const int MaxMessageLength = 2000;
    public const string PartProperty = "Part";
    public const string RawBodyPrefix = "RawBody";
    public const string PlatformProperty = "Platform";

    private const string RowCountProperty = "RawBodyRows";

    /// <summary>Overflow rows first and the main row last, so within a transaction order does not matter and across retries the item appears whole.</summary>
    public static IReadOnlyList<TableEntity> ToEntities(DeadLetter item, string partitionKey, string rowKey)
    {
        if (item.RawBody.Length > MaxRawBodyBytes)
        {
            throw new ArgumentException(
                $"The raw body is {item.RawBody.Length} bytes; dead letters keep at most {MaxRawBodyBytes} bytes.", nameof(item));
        }

        var chunks = BinaryChunks.Split(RawBodyPrefix, item.RawBody.Span);
        var rowCount = Math.Max(1, (chunks.Count + ChunksPerRow - 1) / ChunksPerRow);
        var message = item.Reason.Message.Length > MaxMessageLength ? item.Reason.Message[..MaxMessageLength] : item.Reason.Message;
        var main = new TableEntity(partitionKey, rowKey)
        {
            [PartProperty] = 0,
            ["Reason"] = item.Reason.Code,
            ["Message"] = message,
            ["DeadLetteredAt"] = item.DeadLetteredAt,
            ["Source"] = item.Source,
            [BinaryChunks.LengthProperty(RawBodyPrefix)] = item.RawBody.Length,
            [RowCountProperty] = rowCount,
        };
        SetIfPresent(main, "PartitionId", item.PartitionId);
        SetIfPresent(main, "SequenceNumber", item.SequenceNumber);
        SetIfPresent(main, "EnqueuedTime", item.EnqueuedTime);
        SetIfPresent(main, PlatformProperty, item.Platform);

        var entities = new List<TableEntity>(rowCount);
        for (var part = 1; part < rowCount; part++)
        {
            var overflow = new TableEntity(partitionKey, DeadLetterRowKey.Overflow(rowKey, part)) { [PartProperty] = part };
            AddChunks(overflow, chunks, part);
            entities.Add(overflow);
        }

        AddChunks(main, chunks, 0);
        entities.Add(main);
        return entities;
    }

    public static bool IsMain(TableEntity entity) => entity.GetInt32(PartProperty) == 0;

    public static DeadLetter FromEntities(TableEntity main, IReadOnlyDictionary<string, TableEntity> rowsByKey)
    {
        var rowCount = main.GetInt32(RowCountProperty) ?? 1;
        var rows = new List<TableEntity>(rowCount) { main };
        for (var part = 1; part < rowCount; part++)
        {
            rows.Add(rowsByKey.GetValueOrDefault(DeadLetterRowKey.Overflow(main.RowKey, part))
                ?? throw new InvalidDataException($"Dead letter {main.PartitionKey}/{main.RowKey} is missing overflow row {part}."));
        }

        var length = main.GetInt32(BinaryChunks.LengthProperty(RawBodyPrefix))
            ?? throw new InvalidDataException($"Dead letter {main.PartitionKey}/{main.RowKey} has no RawBodyLength.");
        var body = BinaryChunks.Read(RawBodyPrefix, length, name => rows.Select(r => r.GetBinary(name)).FirstOrDefault(b => b is not null),
            $"Dead letter {main.PartitionKey}/{main.RowKey}");
        var code = main.GetString("Reason") ?? throw new InvalidDataException($"Dead letter {main.PartitionKey}/{main.RowKey} has no Reason.");

        return new DeadLetter
        {
            RawBody = body,
            Reason = new EventRejection(RejectionReasonCodeParser.Parse(code), main.GetString("Message") ?? ""),
            PartitionId = main.GetString("PartitionId"),
            SequenceNumber = main.GetInt64("SequenceNumber"),
            EnqueuedTime = main.GetDateTimeOffset("EnqueuedTime"),
            DeadLetteredAt = main.GetDateTimeOffset("DeadLetteredAt")
                ?? throw new InvalidDataException($"Dead letter {main.PartitionKey}/{main.RowKey} has no DeadLetteredAt."),
            Source = main.GetString("Source") ?? "",
            Platform = main.GetString(PlatformProperty),
        };
    }

    private static void AddChunks(TableEntity entity, IReadOnlyList<KeyValuePair<string, byte[]>> chunks, int part)
    {
        foreach (var (name, chunk) in chunks.Skip(part * ChunksPerRow).Take(ChunksPerRow))
        {
            entity[name] = chunk;
        }
    }

    private static void SetIfPresent(TableEntity entity, string property, object? value)
    {
        if (value is not null)
        {
            entity[property] = value;
        }
    }
}
