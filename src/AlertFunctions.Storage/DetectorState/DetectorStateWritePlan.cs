using AlertFunctions.Detection.Engine;
using AlertFunctions.Storage.Tables;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.DetectorState;

/// <summary>
/// The key rows one save writes: the touched keys, the removed ones, and the rows an unfinished earlier save left holding its
/// writes (written back to their committed state, or deleted when the key had none), so that after this save every row is
/// committed again.
/// </summary>
internal sealed class DetectorStateWritePlan
{
    private DetectorStateWritePlan(
        IReadOnlyList<(string Key, TableTransactionAction Action)> actions,
        IReadOnlyList<DetectorStateEntry> saved,
        IReadOnlyList<string> deleted,
        IReadOnlyList<DetectorStateEntry> tooLarge,
        IReadOnlyList<string> withoutUndo)
    {
        Actions = actions;
        Saved = saved;
        Deleted = deleted;
        TooLarge = tooLarge;
        WithoutUndo = withoutUndo;
    }

    public IReadOnlyList<(string Key, TableTransactionAction Action)> Actions { get; }

    /// <summary>The entries whose rows this save writes.</summary>
    public IReadOnlyList<DetectorStateEntry> Saved { get; }

    /// <summary>The keys whose rows this save deletes (or that have none to delete).</summary>
    public IReadOnlyList<string> Deleted { get; }

    /// <summary>Entries too large for one row: not saved, their stored rows deleted (they are in <see cref="Deleted"/>).</summary>
    public IReadOnlyList<DetectorStateEntry> TooLarge { get; }

    /// <summary>Keys whose rows fit only without their undo: should the save stop part-way, they keep its write.</summary>
    public IReadOnlyList<string> WithoutUndo { get; }

    /// <param name="undoable">
    /// True when the save spans several transactions: every row then carries what gives its committed state back.
    /// </param>
    public static DetectorStateWritePlan Build(
        string partitionKey,
        IReadOnlyCollection<DetectorStateEntry> touched,
        IReadOnlyCollection<string> removedKeys,
        DetectorStateSnapshot basedOn,
        long generation,
        long? sequenceNumber,
        bool undoable)
    {
        var writes = new List<DetectorStateEntry>(touched);
        var deletes = new List<string>(removedKeys);
        var requested = new HashSet<string>(touched.Select(e => e.Key).Concat(removedKeys), StringComparer.Ordinal);
        foreach (var key in basedOn.UncommittedRowKeys.Where(k => !requested.Contains(k)).Order(StringComparer.Ordinal))
        {
            if (basedOn.TryGetEntry(key, out var committed))
            {
                writes.Add(committed);
            }
            else
            {
                deletes.Add(key);
            }
        }

        var actions = new List<(string Key, TableTransactionAction Action)>(writes.Count + deletes.Count);
        var saved = new List<DetectorStateEntry>(writes.Count);
        var tooLarge = new List<DetectorStateEntry>();
        var withoutUndo = new List<string>();
        // Rows written without their undo go last, so they land in the transaction that carries the checkpoint (when they
        // fit it): a save stopped earlier then leaves them as they were instead of holding its batch.
        var last = new List<(string Key, TableTransactionAction Action)>();
        foreach (var entry in writes)
        {
            var undo = !undoable ? RowUndo.None
                : basedOn.TryGetEntry(entry.Key, out var committed) ? RowUndo.Restore(committed.Payload)
                : RowUndo.Absent;
            var lostUndo = false;
            if (!DetectorStateEntityMapper.TryToEntity(partitionKey, entry, generation, sequenceNumber, undo, out var entity))
            {
                if (!undo.IsUndoable || !DetectorStateEntityMapper.TryToEntity(partitionKey, entry, generation, sequenceNumber, RowUndo.None, out entity))
                {
                    // Refusing the save would fail the batch on every retry of the trigger and hold the partition: the key is
                    // dropped instead (its stale row too) and starts afresh on the next load.
                    tooLarge.Add(entry);
                    deletes.Add(entry.Key);
                    continue;
                }

                withoutUndo.Add(entry.Key);
                lostUndo = true;
            }

            saved.Add(entry);
            (lostUndo ? last : actions).Add((entry.Key, basedOn.ETagOf(entry.Key) is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity)));
        }

        foreach (var key in deletes)
        {
            if (basedOn.ETagOf(key) is { } etag)
            {
                actions.Add((key, new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, KeyHash.Of(key)), etag)));
            }
        }

        actions.AddRange(last);
        return new DetectorStateWritePlan(actions, saved, deletes, tooLarge, withoutUndo);
    }
}
