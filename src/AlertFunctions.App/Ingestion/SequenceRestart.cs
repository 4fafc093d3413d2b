namespace AlertFunctions.App.Ingestion;

/// <summary>
/// A batch's first event that is numbered at or below the checkpoint yet enqueued after every applied event: the partition's
/// numbering started again (the hub was recreated, or the namespace failed over), so it and the events after it are new.
/// </summary>
internal readonly record struct SequenceRestart(long Checkpoint, DateTimeOffset? CheckpointEnqueuedTime, long FirstSequenceNumber, DateTimeOffset? FirstEnqueuedTime);
