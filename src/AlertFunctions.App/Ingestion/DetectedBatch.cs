using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.DeadLetters;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// A batch after detection and before anything is stored: what to write, and the counts for the log. Every message is exactly
/// one of processed (through the engine, duplicates included), dead-lettered, or skipped (at or below the checkpoint).
/// </summary>
internal sealed record DetectedBatch(
    int Received,
    int Processed,
    int Skipped,
    int Duplicates,
    IReadOnlyList<DeadLetter> DeadLetters,
    IReadOnlyList<AlertChange> Changes,
    DailyVolumeTally Volume,
    long LastSequenceNumber)
{
    /// <summary>Platform/asset pairs whose events had no USD value, each reported for the first time in this session.</summary>
    public IReadOnlyList<UnvaluedAsset> NewlyUnvalued { get; init; } = [];

    /// <summary>True when every message was applied before: there is nothing to store and the checkpoint stays.</summary>
    public bool NothingToApply => Processed == 0 && DeadLetters.Count == 0;
}
