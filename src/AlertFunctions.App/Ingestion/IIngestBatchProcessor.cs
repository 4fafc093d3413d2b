namespace AlertFunctions.App.Ingestion;

/// <summary>
/// Validates, detects and stores one batch. Throw only for failures worth retrying the whole batch (storage unreachable, ...):
/// the trigger retries a thrown batch a few times and then checkpoints past it, so a bad event must be dead-lettered, not thrown.
/// </summary>
public interface IIngestBatchProcessor
{
    Task ProcessAsync(IngestBatch batch, CancellationToken cancellationToken);
}
