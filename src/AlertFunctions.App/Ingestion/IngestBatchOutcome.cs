namespace AlertFunctions.App.Ingestion;

/// <summary>
/// What one batch did. <see cref="Received"/> = <see cref="Processed"/> + <see cref="DeadLettered"/> + <see cref="Skipped"/>;
/// <see cref="Duplicates"/> are processed events the engine had already seen.
/// </summary>
public sealed record IngestBatchOutcome(
    string PartitionId,
    int Received,
    int Processed,
    int DeadLettered,
    int Skipped,
    int Duplicates,
    int AlertsRaised,
    int AlertsEscalated,
    int AlertsUpdated,
    int NotificationsQueued,
    long? Checkpoint,
    TimeSpan Elapsed);
