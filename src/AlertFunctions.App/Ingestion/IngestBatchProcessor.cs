using System.Diagnostics;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.DetectorState;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// Applies Event Hubs batches exactly once in effect. Per partition, one batch at a time runs against the partition's session
/// (engine, parser, last saved state). Messages the saved checkpoint includes were applied before a crash and are skipped
/// (<see cref="BatchDetector"/>); the rest are detected and stored, the detector state last (<see cref="BatchPersister"/>).
/// Any failure drops the session and rethrows: the trigger's retry then reloads the state without this batch and applies it
/// again, and because alert ids are deterministic and alert upserts idempotent by revision, the replay creates no second alert.
/// </summary>
internal sealed partial class IngestBatchProcessor : IIngestBatchProcessor
{
    private readonly PartitionSessions _sessions;
    private readonly PartitionSessionFactory _factory;
    private readonly BatchDetector _detector;
    private readonly BatchPersister _persister;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IngestBatchProcessor> _logger;

    public IngestBatchProcessor(
        PartitionSessions sessions,
        PartitionSessionFactory factory,
        BatchDetector detector,
        BatchPersister persister,
        TimeProvider timeProvider,
        ILogger<IngestBatchProcessor> logger)
    {
        _sessions = sessions;
        _factory = factory;
        _detector = detector;
        _persister = persister;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    Task IIngestBatchProcessor.ProcessAsync(IngestBatch batch, CancellationToken cancellationToken) =>
        ProcessAsync(batch, cancellationToken);

    public async Task<IngestBatchOutcome> ProcessAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var started = _timeProvider.GetTimestamp();
        var slot = _sessions.For(batch.PartitionId);
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            slot.Session ??= await _factory.CreateAsync(batch.PartitionId, cancellationToken).ConfigureAwait(false);
            var session = slot.Session;
            try
            {
                return await ApplyAsync(session, batch, started, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping; the partition's next owner re-applies the batch from the saved state.
                slot.Session = null;
                LogBatchCancelled(batch.PartitionId, batch.Messages.Count);
                throw;
            }
            catch (DetectorStateConflictException ex)
            {
                slot.Session = null;
                LogPartitionTakenOver(ex, batch.PartitionId, session.Snapshot.Generation);
                throw;
            }
            catch (Exception ex)
            {
                // The engine already holds this batch in memory; only a reload from storage makes the retry exact.
                slot.Session = null;
                LogBatchFailed(ex, batch.PartitionId, batch.Messages.Count, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
                throw;
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task<IngestBatchOutcome> ApplyAsync(PartitionSession session, IngestBatch batch, long started, CancellationToken cancellationToken)
    {
        var detected = _detector.Detect(session, batch);
        if (detected.Restart is { } restart)
        {
            LogSequenceRestart(
                batch.PartitionId, restart.Checkpoint, restart.CheckpointEnqueuedTime, restart.FirstSequenceNumber, restart.FirstEnqueuedTime);
        }

        var queued = detected.NothingToApply
            ? 0
            : await _persister.PersistAsync(session, detected, cancellationToken).ConfigureAwait(false);

        var outcome = new IngestBatchOutcome(
            batch.PartitionId,
            detected.Received,
            detected.Processed,
            detected.DeadLetters.Count,
            detected.Skipped,
            detected.Duplicates,
            detected.Changes.Count(c => c.Kind == AlertChangeKind.Raised),
            detected.Changes.Count(c => c.Kind == AlertChangeKind.Escalated),
            detected.Changes.Count(c => c.Kind == AlertChangeKind.Updated),
            queued,
            session.Snapshot.LastSequenceNumber,
            _timeProvider.GetElapsedTime(started));
        LogBatchApplied(outcome);
        foreach (var unvalued in detected.NewlyUnvalued)
        {
            LogUnvaluedAsset(batch.PartitionId, unvalued.Platform, unvalued.Asset, unvalued.Events);
        }

        return outcome;
    }

    private void LogBatchApplied(IngestBatchOutcome o) =>
        LogBatchApplied(
            o.PartitionId,
            o.Received,
            o.Processed,
            o.DeadLettered,
            o.Skipped,
            o.Duplicates,
            o.AlertsRaised,
            o.AlertsEscalated,
            o.AlertsUpdated,
            o.NotificationsQueued,
            o.Checkpoint,
            o.Elapsed.TotalMilliseconds);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information,
        Message = "Partition {PartitionId}: {EventCount} events in = {ProcessedCount} processed + {DeadLetteredCount} dead-lettered + {SkippedCount} skipped as already applied " +
            "({DuplicateCount} duplicates); alerts {RaisedCount} raised, {EscalatedCount} escalated, {UpdatedCount} updated; {NotificationCount} notifications queued; " +
            "checkpoint {Checkpoint}; {ElapsedMs:0.0} ms")]
    private partial void LogBatchApplied(
        string partitionId,
        int eventCount,
        int processedCount,
        int deadLetteredCount,
        int skippedCount,
        int duplicateCount,
        int raisedCount,
        int escalatedCount,
        int updatedCount,
        int notificationCount,
        long? checkpoint,
        double elapsedMs);

    [LoggerMessage(EventId = 4214, Level = LogLevel.Warning,
        Message = "Partition {PartitionId}: {EventCount} {Platform} {Asset} withdrawals came without amountUsd and the rules have no reference price for {Asset}: " +
            "the USD thresholds valued them at the price of the same wallet's valued {Asset} withdrawals of the last 12 hours, or, without any, at 0, " +
            "so that only watchlist matches and mixer denominations can still raise alerts on them. " +
            "Send amountUsd, or add referencePricesUsd.{Asset} to the rules file. Reported once per platform and asset while this instance owns the partition.")]
    private partial void LogUnvaluedAsset(string partitionId, string platform, string asset, int eventCount);

    [LoggerMessage(EventId = 4215, Level = LogLevel.Warning,
        Message = "Partition {PartitionId}: sequence numbers started again (was the hub recreated, or the namespace failed over?): event {FirstSequenceNumber}, " +
            "enqueued {FirstEnqueuedTime:o}, is at or below the checkpoint {Checkpoint} but enqueued after its last event ({CheckpointEnqueuedTime:o}), " +
            "so it and the events after it are applied as new and the checkpoint moves to the new numbers")]
    private partial void LogSequenceRestart(
        string partitionId, long checkpoint, DateTimeOffset? checkpointEnqueuedTime, long firstSequenceNumber, DateTimeOffset? firstEnqueuedTime);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Error,
        Message = "Partition {PartitionId}: the batch of {EventCount} events failed after {ElapsedMs:0.0} ms; the session was dropped so the retry re-applies it from the saved state")]
    private partial void LogBatchFailed(Exception exception, string partitionId, int eventCount, double elapsedMs);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Information,
        Message = "Partition {PartitionId}: the batch of {EventCount} events was cancelled (the host is stopping); it will be re-applied from the saved state")]
    private partial void LogBatchCancelled(string partitionId, int eventCount);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning,
        Message = "Partition {PartitionId}: another instance saved detector state after generation {Generation} (the partition moved); the session was dropped and the batch is retried")]
    private partial void LogPartitionTakenOver(Exception exception, string partitionId, long generation);
}
