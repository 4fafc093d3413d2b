using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Storage.DetectorState;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// What this instance holds for one Event Hubs partition between batches: the engine with its windows, the parser, and the
/// detector-state snapshot the next save is conditional on. Used by one batch at a time (its <see cref="PartitionSlot"/> gate).
/// </summary>
internal sealed class PartitionSession(string scope, DetectionEngine engine, WithdrawalEventParser parser, DetectorStateSnapshot snapshot)
{
    /// <summary>The detector-state scope, <c>partition-{id}</c>.</summary>
    public string Scope { get; } = scope;

    public DetectionEngine Engine { get; } = engine;

    public WithdrawalEventParser Parser { get; } = parser;

    /// <summary>The state as last loaded or saved; its <see cref="DetectorStateSnapshot.LastSequenceNumber"/> is the checkpoint.</summary>
    public DetectorStateSnapshot Snapshot { get; set; } = snapshot;

    /// <summary>
    /// The platform/asset pairs already reported as arriving without a USD value, so the warning comes once per pair while
    /// this instance owns the partition rather than with every batch. At most <see cref="DetectionEngine.MaxUnvaluedAssetsNamed"/>
    /// pairs are reported, so ever-new asset names cannot grow it without bound.
    /// </summary>
    public HashSet<(string Platform, string Asset)> UnvaluedReported { get; } = [];
}
