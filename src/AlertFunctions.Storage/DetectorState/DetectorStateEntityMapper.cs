using AlertFunctions.Detection.Engine;
using AlertFunctions.Storage.Tables;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.DetectorState;

/// <summary>
/// Rows of the <c>detectorstate</c> table. A key may contain any character, so its RowKey is the lowercase hex SHA-256 of the key
/// and the key itself is a property; the payload is split into 64 KiB binary chunks (Payload0..N, PayloadLength).
/// The scope's checkpoint row uses <see cref="CheckpointRowKey"/>, which no hash can equal. Each row carries the generation of
/// the save that wrote it; a row of a later generation than the checkpoint's was written by a save that never finished, and
/// its undo (Previous0..N, or AddedInSave) gives the committed state back.
/// </summary>
internal static class DetectorStateEntityMapper
{
    public const string CheckpointRowKey = "_checkpoint";

    /// <summary>What 1 MiB of JSON holds once Base64 has grown the bytes by a third, less room for the other properties.</summary>
    public const int MaxPayloadBytes = 760 * 1024;

    private const string KeyProperty = "Key";
    private const string PayloadPrefix = "Payload";
    private const string PreviousPrefix = "Previous";
    private const string AddedInSaveProperty = "AddedInSave";
    private const string GenerationProperty = "Generation";
    private const string SequenceNumberProperty = "SequenceNumber";
    private const string LastSequenceNumberProperty = "LastSequenceNumber";
    private const string LastEnqueuedTimeProperty = "LastEnqueuedTime";
    private const string PendingSequenceNumberProperty = "PendingSequenceNumber";
    private const string SaveInProgressProperty = "SaveInProgress";

    /// <summary>The row for <paramref name="entry"/>, or false when it would not fit one table row.</summary>
    public static bool TryToEntity(string partitionKey, DetectorStateEntry entry, long generation, long? sequenceNumber, RowUndo undo, out TableEntity entity)
    {
        entity = new TableEntity(partitionKey, KeyHash.Of(entry.Key))
        {
            [KeyProperty] = entry.Key,
            [GenerationProperty] = generation,
        };
        if (sequenceNumber is { } sequence)
        {
            entity[SequenceNumberProperty] = sequence;
        }

        BinaryChunks.Write(entity, PayloadPrefix, entry.Payload);
        if (undo.PreviousPayload is { } previous)
        {
            BinaryChunks.Write(entity, PreviousPrefix, previous);
        }
        else if (undo.IsUndoable)
        {
            entity[AddedInSaveProperty] = true;
        }

        return EntitySize.FitsOneRow(entity);
    }

    /// <summary>
    /// The row's committed state, given the checkpoint's generation. A row without undo is taken as it is, whatever its
    /// generation: rows of saves that fitted one transaction, and rows stored before saves could be undone.
    /// </summary>
    public static LoadedRow FromEntity(TableEntity entity, long committedGeneration)
    {
        var key = entity.GetString(KeyProperty) ?? throw new InvalidDataException($"Detector state row {entity.PartitionKey}/{entity.RowKey} has no Key.");
        var uncommitted = (entity.GetInt64(GenerationProperty) ?? 0) > committedGeneration;
        if (uncommitted && entity.ContainsKey(BinaryChunks.LengthProperty(PreviousPrefix)))
        {
            return new LoadedRow(key, new DetectorStateEntry(key, BinaryChunks.Read(entity, PreviousPrefix)), HoldsUncommittedWrite: true);
        }

        if (uncommitted && (entity.GetBoolean(AddedInSaveProperty) ?? false))
        {
            return new LoadedRow(key, null, HoldsUncommittedWrite: true);
        }

        return new LoadedRow(key, new DetectorStateEntry(key, BinaryChunks.Read(entity, PayloadPrefix)), HoldsUncommittedWrite: false);
    }

    /// <summary>
    /// The checkpoint row. While a save spans several transactions, the intermediate writes keep the old generation, sequence
    /// number and enqueued time and set <c>SaveInProgress</c>; only the last transaction advances them. Rows stored before
    /// the enqueued time was recorded have none.
    /// </summary>
    public static TableEntity Checkpoint(
        string partitionKey, long generation, long? lastSequenceNumber, DateTimeOffset? lastEnqueuedTime, bool saveInProgress, long? pendingSequenceNumber)
    {
        var entity = new TableEntity(partitionKey, CheckpointRowKey) { [GenerationProperty] = generation };
        if (lastSequenceNumber is { } last)
        {
            entity[LastSequenceNumberProperty] = last;
            if (lastEnqueuedTime is { } enqueued)
            {
                entity[LastEnqueuedTimeProperty] = enqueued;
            }
        }

        if (saveInProgress)
        {
            entity[SaveInProgressProperty] = true;
            if (pendingSequenceNumber is { } pending)
            {
                entity[PendingSequenceNumberProperty] = pending;
            }
        }

        return entity;
    }

    public static bool SaveInProgressOf(TableEntity checkpoint) => checkpoint.GetBoolean(SaveInProgressProperty) ?? false;

    public static long GenerationOf(TableEntity checkpoint) => checkpoint.GetInt64(GenerationProperty) ?? 0;

    public static long? LastSequenceNumberOf(TableEntity checkpoint) => checkpoint.GetInt64(LastSequenceNumberProperty);

    public static DateTimeOffset? LastEnqueuedTimeOf(TableEntity checkpoint) => checkpoint.GetDateTimeOffset(LastEnqueuedTimeProperty);

    public static long? PendingSequenceNumberOf(TableEntity checkpoint) => checkpoint.GetInt64(PendingSequenceNumberProperty);
}
