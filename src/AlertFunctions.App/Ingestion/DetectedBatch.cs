using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Checkpoints;
using AlertFunctions.Storage.DeadLetters;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// A batch after detection and before anything is stored: what to write, and the counts for the log. Every message is exactly
/// one of processed (through the engine, duplicates included), dead-lettered, or skipped (included in the checkpoint).
/// <see cref="Checkpoint"/> is where the partition stands once the batch is stored: null only when nothing was ever applied.
/// </summary>
internal sealed record DetectedBatch(
    int Received,
    int Processed,
    int Skipped,
    int Duplicates,
    IReadOnlyList<DeadLetter> DeadLetters,
    IReadOnlyList<AlertChange> Changes,
    DailyVolumeTally Volume,
    PartitionPosition? Checkpoint)
{
    /// <summary>Platform/asset pairs whose events had no USD value, each reported for the first time in this session.</summary>
    public IReadOnlyList<UnvaluedAsset> NewlyUnvalued { get; init; } = [];

    /// <summary>Where the partition's numbering started again in this batch, if it did.</summary>
    public SequenceRestart? Restart { get; init; }

    /// <summary>True when every message was applied before: there is nothing to store and the checkpoint stays.</summary>
    public bool NothingToApply => Processed == 0 && DeadLetters.Count == 0;
}
