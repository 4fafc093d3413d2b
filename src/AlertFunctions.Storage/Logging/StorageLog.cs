using Microsoft.Extensions.Logging;

namespace AlertFunctions.Storage.Logging;

/// <summary>The storage layer's log messages, in one catalogue so event ids stay unique.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug,
        Message = "Row {RowKey} in table {Table} changed while it was being updated; retrying (attempt {Attempt} of {MaxAttempts})")]
    public static partial void ConcurrentUpdateRetry(this ILogger logger, string table, string rowKey, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Detector state for scope {Scope} was changed by another writer since generation {Generation}; the save was refused")]
    public static partial void DetectorStateConflict(this ILogger logger, string scope, long generation, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Skipped daily volume for {Platform} on {Day} from scope {Scope}: sequence number {SequenceNumber} was already applied (last {LastSequenceNumber})")]
    public static partial void DailyVolumeReplaySkipped(this ILogger logger, string platform, string day, string scope, long sequenceNumber, long lastSequenceNumber);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Detector state for scope {Scope} shows an interrupted save (pending sequence number {PendingSequenceNumber}); " +
            "{UncommittedRowCount} rows it wrote were read as they were before it, so the batch is applied again to the checkpoint's state")]
    public static partial void DetectorStateInterruptedSave(this ILogger logger, string scope, long pendingSequenceNumber, int uncommittedRowCount);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Detector state {Key} of scope {Scope} fits one table row only without its undo; should this save stop part-way, " +
            "the key keeps the batch's effect and a retry may count that batch twice for it")]
    public static partial void DetectorStateWithoutUndo(this ILogger logger, string scope, string key);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error,
        Message = "Detector state {Key} of scope {Scope} is {PayloadBytes} bytes and does not fit one table row (about {MaxPayloadBytes}); it was not saved, " +
            "its stored row was removed, and the key starts afresh when the scope is next loaded")]
    public static partial void DetectorStateTooLarge(this ILogger logger, string scope, string key, int payloadBytes, int maxPayloadBytes);
}
