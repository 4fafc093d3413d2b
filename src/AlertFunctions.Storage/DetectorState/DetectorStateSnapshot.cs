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

    internal DetectorStateSnapshot(
        string scope,
        IReadOnlyDictionary<string, StoredEntry> entries,
        long generation,
        long? lastSequenceNumber,
        bool hasInterruptedSave,
        long? interruptedSequenceNumber,
        ETag? checkpointETag)
    {
        Scope = scope;
        _entries = entries;
        Generation = generation;
        LastSequenceNumber = lastSequenceNumber;
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
    /// are skipped after a redelivery. Null when the scope was never saved with one.
    /// </summary>
    public long? LastSequenceNumber { get; }

    /// <summary>
    /// True when a save that needed several transactions stopped before its last one (which carries the checkpoint): some rows may
    /// already include a batch the checkpoint does not claim. The next successful save clears it.
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

    internal ETag? ETagOf(string key) => _entries.TryGetValue(key, out var stored) ? stored.ETag : null;

    internal sealed record StoredEntry(DetectorStateEntry Entry, ETag ETag);
}
