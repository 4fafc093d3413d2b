namespace AlertFunctions.App.Ingestion;

/// <summary>
/// One event body of a batch, with the broker's facts about it. <see cref="Index"/> is the position in the batch, so a rejection
/// can point at the exact event. Sequence number and enqueued time are null only for batches that did not come from Event Hubs
/// (replays, command-line runs); the Event Hubs trigger always fills them.
/// </summary>
public readonly record struct IngestMessage(int Index, string Body, long? SequenceNumber, DateTimeOffset? EnqueuedTime);
