using AlertFunctions.Detection.Engine;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.Logging;
using AlertFunctions.Storage.Tables;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertFunctions.Storage.DetectorState;

/// <summary>
/// The <c>detectorstate</c> table. PartitionKey = the caller's scope (an Event Hubs partition id, <c>platform:&lt;hash&gt;</c>, ...),
/// escaped; one row per detector key plus a checkpoint row holding the scope's generation, last applied sequence number and its enqueued time.
/// <para>
/// Saves are optimistic: known keys are updated with their ETag, new keys are added (fails if someone else added them), and
/// every transaction also conditionally rewrites the checkpoint row, which acts as a fence for the whole scope. A writer whose
/// snapshot is stale is refused with <see cref="DetectorStateConflictException"/> before it writes anything, so two instances
/// never silently overwrite each other.
/// </para>
/// <para>
/// Entity group transactions hold at most 100 rows and 4 MiB, so a large save is split. The checkpoint's new generation and
/// sequence number are written LAST, in the final transaction. Every row of a split save also carries its undo (the key's
/// committed payload, or that it had none): if the save stops part-way, the checkpoint still claims only the previous batch,
/// the next load reads the rows it reached as they were before it (<see cref="DetectorStateSnapshot.HasInterruptedSave"/>),
/// and the retry re-applies the batch to exactly that state and writes those rows back. A save that fits one transaction
/// (up to 99 keys) is all-or-nothing and carries no undo. Deleting a removed key cannot be undone, which costs nothing: the
/// engine removes only keys idle for longer than it remembers.
/// </para>
/// </summary>
public sealed class DetectorStateStore
{
    private const int MaxKeysPerTransaction = TransactionChunks.MaxActions - 1;

    private readonly ProvisionedTable _table;
    private readonly ILogger _logger;

    public DetectorStateStore(TableServiceClient service, AlertStorageOptions options, ILogger<DetectorStateStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new ProvisionedTable(service, options.DetectorStateTableName);
        _logger = logger ?? NullLogger<DetectorStateStore>.Instance;
    }

    public async Task<DetectorStateSnapshot> LoadAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partitionKey = TableKey.Encode(scope);
        var rows = new List<TableEntity>();
        TableEntity? checkpoint = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (entity.RowKey == DetectorStateEntityMapper.CheckpointRowKey)
            {
                checkpoint = entity;
            }
            else
            {
                rows.Add(entity);
            }
        }

        // Rows of a later generation than the checkpoint's were written by a save that stopped before its last transaction:
        // they are read back as they were before it, so the retry applies the batch to exactly the state the checkpoint claims.
        var generation = checkpoint is null ? 0 : DetectorStateEntityMapper.GenerationOf(checkpoint);
        var entries = new Dictionary<string, DetectorStateSnapshot.StoredEntry>(StringComparer.Ordinal);
        var uncommitted = new Dictionary<string, ETag>(StringComparer.Ordinal);
        foreach (var entity in rows)
        {
            var row = DetectorStateEntityMapper.FromEntity(entity, generation);
            if (row.Entry is { } entry)
            {
                entries[row.Key] = new DetectorStateSnapshot.StoredEntry(entry, entity.ETag);
            }

            if (row.HoldsUncommittedWrite)
            {
                uncommitted[row.Key] = entity.ETag;
            }
        }

        if (checkpoint is null)
        {
            return new DetectorStateSnapshot(scope, entries, uncommitted, 0, null, false, null, null);
        }

        var interrupted = DetectorStateEntityMapper.SaveInProgressOf(checkpoint);
        var pending = DetectorStateEntityMapper.PendingSequenceNumberOf(checkpoint);
        if (interrupted)
        {
            _logger.DetectorStateInterruptedSave(scope, pending ?? -1, uncommitted.Count);
        }

        return new DetectorStateSnapshot(
            scope,
            entries,
            uncommitted,
            generation,
            DetectorStateEntityMapper.LastSequenceNumberOf(checkpoint),
            interrupted,
            pending,
            checkpoint.ETag,
            DetectorStateEntityMapper.LastEnqueuedTimeOf(checkpoint));
    }

    /// <summary>
    /// Writes the touched (and removed) keys and the checkpoint, conditional on nothing having changed since
    /// <paramref name="basedOn"/>. Returns the successor snapshot, to base the next save on.
    /// </summary>
    /// <param name="lastSequenceNumber">
    /// The checkpoint after the batch these changes apply: its last sequence number, lower than the previous one when the
    /// partition's numbering started again. Null keeps the previous checkpoint (and its enqueued time).
    /// </param>
    /// <param name="removedKeys">Keys the engine dropped (for example idle wallets); deleted with their ETag.</param>
    /// <param name="lastEnqueuedTime">
    /// The latest enqueued time of the events applied up to <paramref name="lastSequenceNumber"/> since the numbering last started
    /// (see <see cref="DetectorStateSnapshot.LastEnqueuedTime"/>); null when not known.
    /// </param>
    /// <exception cref="DetectorStateConflictException">Another writer changed the scope after <paramref name="basedOn"/> was loaded.</exception>
    public async Task<DetectorStateSnapshot> SaveAsync(
        string scope,
        IReadOnlyCollection<DetectorStateEntry> touched,
        DetectorStateSnapshot basedOn,
        long? lastSequenceNumber,
        IReadOnlyCollection<string>? removedKeys = null,
        DateTimeOffset? lastEnqueuedTime = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(touched);
        ArgumentNullException.ThrowIfNull(basedOn);
        removedKeys ??= [];
        ValidateRequest(scope, touched, basedOn, removedKeys);

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partitionKey = TableKey.Encode(scope);
        var generation = basedOn.Generation + 1;
        var sequenceNumber = lastSequenceNumber ?? basedOn.LastSequenceNumber;
        var enqueuedTime = lastSequenceNumber is null ? basedOn.LastEnqueuedTime : lastEnqueuedTime;

        var checkpointBytes = EntitySize.RequestBytesEstimate(DetectorStateEntityMapper.Checkpoint(partitionKey, generation, sequenceNumber, enqueuedTime, true, sequenceNumber));
        var plan = DetectorStateWritePlan.Build(partitionKey, touched, removedKeys, basedOn, generation, lastSequenceNumber, undoable: false);
        var chunks = Split(plan, checkpointBytes);
        if (chunks.Count > 1)
        {
            // Only the last transaction advances the checkpoint; should the save stop before it, the rows already written
            // must be readable as they were, or the retry would find the batch's event ids saved and skip its events.
            plan = DetectorStateWritePlan.Build(partitionKey, touched, removedKeys, basedOn, generation, lastSequenceNumber, undoable: true);
            chunks = Split(plan, checkpointBytes);
        }

        foreach (var entry in plan.TooLarge)
        {
            _logger.DetectorStateTooLarge(scope, entry.Key, entry.Payload.Length, DetectorStateEntityMapper.MaxPayloadBytes);
        }

        foreach (var key in plan.WithoutUndo)
        {
            _logger.DetectorStateWithoutUndo(scope, key);
        }

        var keyByRowKey = plan.Actions.ToDictionary(a => a.Action.Entity.RowKey, a => a.Key, StringComparer.Ordinal);
        var newETags = new Dictionary<string, ETag>(StringComparer.Ordinal);
        var checkpointETag = basedOn.CheckpointETag;
        for (var i = 0; i < chunks.Count; i++)
        {
            var isLast = i == chunks.Count - 1;
            var checkpoint = isLast
                ? DetectorStateEntityMapper.Checkpoint(partitionKey, generation, sequenceNumber, enqueuedTime, saveInProgress: false, null)
                : DetectorStateEntityMapper.Checkpoint(partitionKey, basedOn.Generation, basedOn.LastSequenceNumber, basedOn.LastEnqueuedTime, saveInProgress: true, lastSequenceNumber);
            var fence = checkpointETag is { } known
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, checkpoint, known)
                : new TableTransactionAction(TableTransactionActionType.Add, checkpoint);
            var actions = chunks[i].Append(fence).ToList();

            Response<IReadOnlyList<Response>> response;
            try
            {
                response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ConcurrencyFailures.IsLostUpdate(ex))
            {
                _logger.DetectorStateConflict(scope, basedOn.Generation, ex);
                throw new DetectorStateConflictException(scope, basedOn.Generation, ex);
            }

            for (var j = 0; j < actions.Count; j++)
            {
                if (actions[j].ActionType == TableTransactionActionType.Delete)
                {
                    continue;
                }

                var etag = response.Value[j].Headers.ETag
                    ?? throw new InvalidOperationException($"The transaction response for {actions[j].Entity.RowKey} in scope '{scope}' carried no ETag.");
                if (actions[j] == fence)
                {
                    checkpointETag = etag;
                }
                else
                {
                    newETags[keyByRowKey[actions[j].Entity.RowKey]] = etag;
                }
            }
        }

        var entries = new Dictionary<string, DetectorStateSnapshot.StoredEntry>(basedOn.StoredEntries, StringComparer.Ordinal);
        foreach (var key in plan.Deleted)
        {
            entries.Remove(key);
        }

        foreach (var entry in plan.Saved)
        {
            entries[entry.Key] = new DetectorStateSnapshot.StoredEntry(entry, newETags[entry.Key]);
        }

        return new DetectorStateSnapshot(scope, entries, new Dictionary<string, ETag>(), generation, sequenceNumber, false, null, checkpointETag, enqueuedTime);
    }

    private static List<IReadOnlyList<TableTransactionAction>> Split(DetectorStateWritePlan plan, long checkpointBytes)
    {
        var chunks = TransactionChunks.Split(
            plan.Actions.Select(a => (IReadOnlyList<TableTransactionAction>)[a.Action]),
            MaxKeysPerTransaction,
            TransactionChunks.MaxRequestBytes - checkpointBytes).ToList();
        if (chunks.Count == 0)
        {
            chunks.Add([]);
        }

        return chunks;
    }

    private static void ValidateRequest(
        string scope, IReadOnlyCollection<DetectorStateEntry> touched, DetectorStateSnapshot basedOn, IReadOnlyCollection<string> removedKeys)
    {
        if (!string.Equals(basedOn.Scope, scope, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The snapshot is of scope '{basedOn.Scope}', not '{scope}'.", nameof(basedOn));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in touched)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (!keys.Add(entry.Key))
            {
                throw new ArgumentException($"Key '{entry.Key}' appears more than once in the touched entries.", nameof(touched));
            }
        }

        foreach (var key in removedKeys)
        {
            if (!keys.Add(key))
            {
                throw new ArgumentException($"Key '{key}' is both touched and removed, or removed twice.", nameof(removedKeys));
            }
        }
    }
}
