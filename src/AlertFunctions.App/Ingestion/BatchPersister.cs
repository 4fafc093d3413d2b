using AlertFunctions.App.Notifications;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Storage.Notifications;
using AlertFunctions.Storage.Volume;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// Stores a detected batch. The order is the point: dead letters, alerts, notification messages and daily volume are each
/// idempotent on replay, and the detector-state save comes LAST because it carries the checkpoint (the batch's last sequence
/// number and enqueued time). Until that save succeeds the batch counts as not applied, and a retry re-applies it from the
/// previous state.
/// </summary>
internal sealed class BatchPersister(
    DeadLetterTableStore deadLetters,
    AlertTableStore alerts,
    NotificationQueue notifications,
    DailyVolumeTableStore dailyVolume,
    DetectorStateStore states,
    TimeProvider timeProvider)
{
    /// <summary>Returns the number of notification messages queued; advances <see cref="PartitionSession.Snapshot"/>.</summary>
    public async Task<int> PersistAsync(PartitionSession session, DetectedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.DeadLetters.Count > 0)
        {
            await deadLetters.AddManyAsync(batch.DeadLetters, cancellationToken).ConfigureAwait(false);
        }

        var queued = await StoreAlertsAsync(batch.Changes, cancellationToken).ConfigureAwait(false);

        foreach (var (day, platform, withdrawals) in batch.Volume.Totals)
        {
            await dailyVolume.AddAsync(day, platform, session.Scope, withdrawals, cancellationToken).ConfigureAwait(false);
        }

        session.Snapshot = await states.SaveAsync(
            session.Scope,
            session.Engine.ExportChanges(),
            session.Snapshot,
            batch.Checkpoint?.SequenceNumber,
            removedKeys: session.Engine.ExportEvictedKeys(),
            lastEnqueuedTime: batch.Checkpoint?.EnqueuedTime,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return queued;
    }

    private async Task<int> StoreAlertsAsync(IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return 0;
        }

        var latest = changes
            .GroupBy(change => change.Alert.AlertId, StringComparer.Ordinal)
            .Select(group => group.MaxBy(change => change.Alert.Revision).Alert)
            .ToDictionary(alert => alert.AlertId, StringComparer.Ordinal);
        var dueAt = timeProvider.GetUtcNow() + NotificationTiming.QueueGrace;
        var results = await alerts.UpsertManyAsync(latest.Values, dueAt, cancellationToken).ConfigureAwait(false);

        // Every row still owed a post is queued, also when this write changed nothing: a crash between an earlier attempt's
        // upsert and its enqueue must not leave an alert unannounced. The dispatcher posts each severity once.
        var queued = 0;
        foreach (var result in results.Where(r => r.NeedsNotification))
        {
            await notifications.EnqueueAsync(NotificationMessage.For(latest[result.AlertId]), cancellationToken).ConfigureAwait(false);
            queued++;
        }

        return queued;
    }
}
