using System.Text.RegularExpressions;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.Logging;
using AlertFunctions.Storage.Tables;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertFunctions.Storage.Alerts;

/// <summary>
/// The <c>alerts</c> table: one row per alert id (PartitionKey = UTC day of the first stored revision's WindowStart, RowKey = AlertId),
/// holding the latest revision plus notification (outbox) and responder state. Every read-modify-write is guarded by the row's
/// ETag and retried when another writer got there first. Storage errors propagate so the caller's batch is retried.
/// </summary>
public sealed partial class AlertTableStore
{
    public const int MaxConcurrencyAttempts = 5;

    private readonly ProvisionedTable _table;
    private readonly ILogger _logger;

    public AlertTableStore(TableServiceClient service, AlertStorageOptions options, ILogger<AlertTableStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new ProvisionedTable(service, options.AlertsTableName);
        _logger = logger ?? NullLogger<AlertTableStore>.Instance;
    }

    /// <summary>
    /// Stores a revision idempotently: a row with the same or a higher revision is left alone (at-least-once replays);
    /// a higher revision replaces the alert fields but keeps delivery and responder state, re-opening the notification on escalation.
    /// </summary>
    public Task<AlertWriteResult> UpsertAsync(Alert alert, CancellationToken cancellationToken = default) =>
        UpsertAsync(alert, notificationDueAt: null, cancellationToken);

    /// <summary>
    /// As <see cref="UpsertAsync(Alert, CancellationToken)"/>; a notification this write makes pending is left to the queue until
    /// <paramref name="notificationDueAt"/> (its <see cref="StoredAlert.NextAttemptAt"/>), so the sweep does not race the queue trigger.
    /// </summary>
    public async Task<AlertWriteResult> UpsertAsync(Alert alert, DateTimeOffset? notificationDueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!AlertIdPattern().IsMatch(alert.AlertId))
        {
            throw new ArgumentException($"Alert id '{alert.AlertId}' must be 1-512 characters of [a-z0-9-].", nameof(alert));
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            // WindowStart is expected to stay on the same day across revisions; if a later revision's window moved to another day,
            // the row is found by id so the alert keeps a single row.
            var row = await FindAsync(table, alert.AlertId, DayKey.From(alert.WindowStart), searchOtherDays: alert.Revision > 1, cancellationToken)
                .ConfigureAwait(false);
            var next = StoredAlertTransitions.Upsert(row?.Stored, alert, notificationDueAt);
            if (next is null)
            {
                return new AlertWriteResult(alert.AlertId, Changed: false, NeedsNotification: row!.Stored.NotificationState == NotificationState.Pending);
            }

            try
            {
                var entity = AlertEntityMapper.ToEntity(next);
                if (row is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return new AlertWriteResult(alert.AlertId, Changed: true, NeedsNotification: next.NotificationState == NotificationState.Pending);
            }
            catch (RequestFailedException ex) when (ConcurrencyFailures.IsLostUpdate(ex) && attempt < MaxConcurrencyAttempts)
            {
                _logger.ConcurrentUpdateRetry(_table.Name, alert.AlertId, attempt, MaxConcurrencyAttempts, ex);
            }
        }
    }

    /// <summary>Upserts a batch, first collapsing several revisions of one alert to the highest (only that one can win anyway).</summary>
    public Task<IReadOnlyList<AlertWriteResult>> UpsertManyAsync(IReadOnlyCollection<Alert> alerts, CancellationToken cancellationToken = default) =>
        UpsertManyAsync(alerts, notificationDueAt: null, cancellationToken);

    /// <summary>As <see cref="UpsertManyAsync(IReadOnlyCollection{Alert}, CancellationToken)"/>, with the sweep's grace of <see cref="UpsertAsync(Alert, DateTimeOffset?, CancellationToken)"/>.</summary>
    public async Task<IReadOnlyList<AlertWriteResult>> UpsertManyAsync(
        IReadOnlyCollection<Alert> alerts, DateTimeOffset? notificationDueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var latest = alerts
            .GroupBy(a => a.AlertId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(a => a.Revision)!)
            .ToList();
        var results = new List<AlertWriteResult>(latest.Count);
        foreach (var alert in latest)
        {
            results.Add(await UpsertAsync(alert, notificationDueAt, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Finds an alert by id alone. The day is not derivable from the id, so this queries by RowKey across days.</summary>
    public async Task<StoredAlert?> GetAsync(string alertId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await FindAsync(table, alertId, partitionKey: null, searchOtherDays: true, cancellationToken).ConfigureAwait(false);
        return row?.Stored;
    }

    /// <summary>
    /// Alerts whose day is <paramref name="fromDay"/> or later, newest window first, optionally filtered by platform and status
    /// (<c>open</c>, <c>acknowledged</c>, <c>resolved</c>).
    /// </summary>
    public async Task<IReadOnlyList<StoredAlert>> ListRecentAsync(
        DateOnly fromDay, int max, string? platform, string? status, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey ge {DayKey.From(fromDay)}") };
        if (!string.IsNullOrEmpty(platform))
        {
            filters.Add(TableClient.CreateQueryFilter($"Platform eq {platform}"));
        }

        if (!string.IsNullOrEmpty(status))
        {
            AlertStatus parsed;
            try
            {
                parsed = AlertStatusNames.Parse(status);
            }
            catch (FormatException ex)
            {
                throw new ArgumentException(ex.Message, nameof(status), ex);
            }

            filters.Add(TableClient.CreateQueryFilter($"Status eq {parsed.ToName()}"));
        }

        var alerts = await QueryAsync(string.Join(" and ", filters), cancellationToken).ConfigureAwait(false);
        return alerts
            .OrderByDescending(a => a.Alert.WindowStart)
            .ThenBy(a => a.Alert.AlertId, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    public async Task<IReadOnlyList<StoredAlert>> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var alerts = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {DayKey.From(day)}"), cancellationToken).ConfigureAwait(false);
        return alerts.OrderBy(a => a.Alert.WindowStart).ThenBy(a => a.Alert.AlertId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// How many days before the day an alert was raised its row may sit: rows sit on the day their first window started, and
    /// the longest window a rule may be configured with is 168 hours (plus a bucket of rounding).
    /// </summary>
    public const int MaxWindowDays = 8;

    /// <summary>
    /// Alerts raised on <paramref name="day"/> (UTC): the time in their id is that of the event that raised them. A window
    /// reaching back over midnight puts the row on an earlier day, so the rows of the days before are read too.
    /// </summary>
    public async Task<IReadOnlyList<StoredAlert>> ListRaisedOnAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {DayKey.From(day.AddDays(-MaxWindowDays))} and PartitionKey le {DayKey.From(day)}");
        var alerts = await QueryAsync(filter, cancellationToken).ConfigureAwait(false);
        return alerts
            .Where(a => (AlertIdDays.RaisedOn(a.Alert.AlertId) ?? a.Day) == day)
            .OrderBy(a => a.Alert.WindowStart)
            .ThenBy(a => a.Alert.AlertId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Alerts owed a notification whose <see cref="StoredAlert.NextAttemptAt"/> is absent or at or before <paramref name="now"/>
    /// (pending ones still within the queue's grace are left out) and that no deliverer is posting; most severe first.
    /// </summary>
    public async Task<IReadOnlyList<StoredAlert>> ListPendingNotificationsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var filter = TableClient.CreateQueryFilter(
            $"NotificationState eq {NotificationState.Pending.ToName()} or (NotificationState eq {NotificationState.Failed.ToName()} and NextAttemptAt le {now})");
        var alerts = await QueryAsync(filter, cancellationToken).ConfigureAwait(false);
        // A table filter cannot say "property absent", so pending rows are filtered here: no NextAttemptAt means due now.
        // Nor can it compare with an absent claim: one still running is being posted by someone else right now.
        return alerts
            .Where(a => (a.NextAttemptAt is not { } due || due <= now) && !(a.PostingUntil > now))
            .OrderByDescending(a => a.Alert.Severity)
            .ThenBy(a => a.Alert.WindowStart)
            .ThenBy(a => a.Alert.AlertId, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    /// <summary>
    /// Claims the right to post the alert until <paramref name="until"/>, guarded by the row's ETag, so of two deliverers that
    /// read it at once (a duplicate queue message, the sweep) exactly one posts. The claimed row carries the latest revision.
    /// </summary>
    public async Task<PostClaim> ClaimPostAsync(string alertId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var (current, written) = await ChangeRowAsync(alertId, stored => StoredAlertTransitions.ClaimPost(stored, now, until), cancellationToken)
            .ConfigureAwait(false);
        return current is null ? new PostClaim(PostClaimOutcome.Missing, null)
            : written is not null ? new PostClaim(PostClaimOutcome.Claimed, written)
            : new PostClaim(StoredAlertTransitions.IsOwed(current) ? PostClaimOutcome.HeldByAnother : PostClaimOutcome.NotOwed, current);
    }

    /// <summary>
    /// Records a successful Teams post of <paramref name="postedSeverity"/> and releases the caller's claim
    /// (<paramref name="heldClaim"/>: the <see cref="StoredAlert.PostingUntil"/> its claim wrote, null if it claimed nothing),
    /// never another deliverer's. False when the alert does not exist.
    /// </summary>
    public Task<bool> MarkDeliveredAsync(string alertId, Severity postedSeverity, DateTimeOffset? heldClaim, CancellationToken cancellationToken = default) =>
        ChangeAsync(alertId, stored => StoredAlertTransitions.MarkDelivered(stored, postedSeverity, heldClaim), cancellationToken);

    /// <summary>
    /// Records a failed post and when to retry, releasing only the caller's claim (as <see cref="MarkDeliveredAsync"/>). The
    /// error text must not contain secrets (it is stored and shown).
    /// </summary>
    public Task<bool> MarkDeliveryFailedAsync(string alertId, string error, DateTimeOffset nextAttemptAt, DateTimeOffset? heldClaim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ChangeAsync(alertId, stored => StoredAlertTransitions.MarkDeliveryFailed(stored, error, nextAttemptAt, heldClaim), cancellationToken);
    }

    public Task<bool> AcknowledgeAsync(string alertId, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ChangeAsync(alertId, stored => StoredAlertTransitions.Acknowledge(stored, by, at), cancellationToken);
    }

    public Task<bool> ResolveAsync(string alertId, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ChangeAsync(alertId, stored => StoredAlertTransitions.Resolve(stored, by, at), cancellationToken);
    }

    private async Task<bool> ChangeAsync(string alertId, Func<StoredAlert, StoredAlert?> change, CancellationToken cancellationToken) =>
        (await ChangeRowAsync(alertId, change, cancellationToken).ConfigureAwait(false)).Current is not null;

    /// <summary>
    /// Reads the row, applies <paramref name="change"/> and writes the result guarded by the row's ETag, reading again when
    /// another writer got there first. Returns the row as last read (null: no such alert) and what was written (null: the
    /// change left it as it was).
    /// </summary>
    private async Task<(StoredAlert? Current, StoredAlert? Written)> ChangeRowAsync(
        string alertId, Func<StoredAlert, StoredAlert?> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        string? partitionKey = null;
        for (var attempt = 1; ; attempt++)
        {
            var row = await FindAsync(table, alertId, partitionKey, searchOtherDays: partitionKey is null, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return (null, null);
            }

            partitionKey = row.Entity.PartitionKey;
            var next = change(row.Stored);
            if (next is null)
            {
                return (row.Stored, null);
            }

            try
            {
                await table.UpdateEntityAsync(AlertEntityMapper.ToEntity(next), row.ETag, TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
                return (row.Stored, next);
            }
            catch (RequestFailedException ex) when (ConcurrencyFailures.IsLostUpdate(ex) && attempt < MaxConcurrencyAttempts)
            {
                // Someone changed the row since it was read (another deliverer's claim, a new revision): decide again on what it holds now.
                _logger.ConcurrentUpdateRetry(_table.Name, alertId, attempt, MaxConcurrencyAttempts, ex);
            }
        }
    }

    private static async Task<AlertRow?> FindAsync(
        TableClient table, string alertId, string? partitionKey, bool searchOtherDays, CancellationToken cancellationToken)
    {
        if (partitionKey is not null)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, alertId, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (response.HasValue)
            {
                return new AlertRow(response.Value!);
            }

            if (!searchOtherDays)
            {
                return null;
            }
        }
        else
        {
            // No day given (a notification, a responder's link): the id says where the row almost always is.
            foreach (var day in AlertIdDays.Candidates(alertId))
            {
                var response = await table.GetEntityIfExistsAsync<TableEntity>(day, alertId, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (response.HasValue)
                {
                    return new AlertRow(response.Value!);
                }
            }
        }

        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {alertId}"), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            return new AlertRow(entity);
        }

        return null;
    }

    private async Task<List<StoredAlert>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var alerts = new List<StoredAlert>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(AlertEntityMapper.FromEntity(entity));
        }

        return alerts;
    }

    [GeneratedRegex("^[a-z0-9-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex AlertIdPattern();

    private sealed class AlertRow(TableEntity entity)
    {
        public TableEntity Entity { get; } = entity;
        public StoredAlert Stored { get; } = AlertEntityMapper.FromEntity(entity);
        public ETag ETag => Entity.ETag;
    }
}
