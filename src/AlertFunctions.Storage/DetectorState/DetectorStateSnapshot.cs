using AlertFunctions.Detection.Engine;
using Azure;

namespace AlertFunctions.Storage.DetectorState;

/// <summary>
/// A scope's detector state as loaded (or as left by a successful save), with the ETags that make the next save conditional.
/// Immutable: <see cref="DetectorStateStore.SaveAsync"/> returns the successor, and saving again from an older snapshot is
/// refused with <see cref="DetectorStateConflictException"/>.
/// </summary>
public sealed class DetectorStateSnapshot
{
    private readonly IReadOnlyDictionary<string, StoredEntry> _entries;
    private readonly IReadOnlyDictionary<string, ETag> _uncommittedRows;

    internal DetectorStateSnapshot(
        string scope,
        IReadOnlyDictionary<string, StoredEntry> entries,
        IReadOnlyDictionary<string, ETag> uncommittedRows,
        long generation,
        long? lastSequenceNumber,
        bool hasInterruptedSave,
        long? interruptedSequenceNumber,
        ETag? checkpointETag,
        DateTimeOffset? lastEnqueuedTime = null)
    {
        Scope = scope;
        _entries = entries;
        _uncommittedRows = uncommittedRows;
        Generation = generation;
        LastSequenceNumber = lastSequenceNumber;
        LastEnqueuedTime = lastEnqueuedTime;
        HasInterruptedSave = hasInterruptedSave;
        InterruptedSequenceNumber = interruptedSequenceNumber;
        CheckpointETag = checkpointETag;
    }

    public string Scope { get; }

    public IReadOnlyCollection<DetectorStateEntry> Entries => _entries.Values.Select(e => e.Entry).ToList();

    /// <summary>How many saves this scope has seen; 0 when it was never saved.</summary>
    public long Generation { get; }

    /// <summary>
    /// The last Event Hubs sequence number whose effects this state includes; events at or below it were already applied and
    /// are skipped after a redelivery, unless enqueued after <see cref="LastEnqueuedTime"/>. Null when the scope was never
    /// saved with one.
    /// </summary>
    public long? LastSequenceNumber { get; }

    /// <summary>
    /// The latest enqueued time of the events applied up to <see cref="LastSequenceNumber"/> since the partition's numbering last
    /// started: an event at or below the checkpoint but enqueued later is no redelivery, its numbering started again (see
    /// <see cref="Checkpoints.PartitionPosition"/>). Null when not known (state saved before it was recorded).
    /// </summary>
    public DateTimeOffset? LastEnqueuedTime { get; }

    /// <summary>
    /// True when a save that needed several transactions stopped before its last one (which carries the checkpoint). The rows it
    /// wrote were read back as they were before it (<see cref="Entries"/> is the state the checkpoint claims); the next successful
    /// save overwrites them and clears the flag.
    /// </summary>
    public bool HasInterruptedSave { get; }

    /// <summary>The last sequence number of the interrupted save's batch, when it had one.</summary>
    public long? InterruptedSequenceNumber { get; }

    internal ETag? CheckpointETag { get; }

    public bool TryGetEntry(string key, out DetectorStateEntry entry)
    {
        if (_entries.TryGetValue(key, out var stored))
        {
            entry = stored.Entry;
            return true;
        }

        entry = null!;
        return false;
    }

    internal IReadOnlyDictionary<string, StoredEntry> StoredEntries => _entries;

    /// <summary>Keys whose rows still hold an unfinished save's write: the next save writes them back or deletes them.</summary>
    internal IEnumerable<string> UncommittedRowKeys => _uncommittedRows.Keys;

    /// <summary>The ETag of the key's row, also when the row holds only an unfinished save's write of a key with no committed state.</summary>
    internal ETag? ETagOf(string key) =>
        _entries.TryGetValue(key, out var stored) ? stored.ETag
        : _uncommittedRows.TryGetValue(key, out var uncommitted) ? uncommitted
        : null;

    internal sealed record StoredEntry(DetectorStateEntry Entry, ETag ETag);
}
