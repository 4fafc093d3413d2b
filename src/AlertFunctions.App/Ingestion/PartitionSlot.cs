namespace AlertFunctions.App.Ingestion;

/// <summary>
/// One partition's place in <see cref="PartitionSessions"/>: a gate that lets one batch at a time through, and the session,
/// which is null until the first batch loads it and again after a failed batch dropped it.
/// </summary>
internal sealed class PartitionSlot
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public PartitionSession? Session { get; set; }
}
