using System.Collections.Concurrent;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// The partitions this instance has seen, each with its gate and session. Lives as long as the worker process, so a partition's
/// windows stay in memory between batches; when the partition's lease moves away the next batch here finds the state changed
/// and reloads it (see <see cref="IngestBatchProcessor"/>).
/// </summary>
internal sealed class PartitionSessions
{
    private readonly ConcurrentDictionary<string, PartitionSlot> _slots = new(StringComparer.Ordinal);

    public PartitionSlot For(string partitionId) => _slots.GetOrAdd(partitionId, static _ => new PartitionSlot());
}
