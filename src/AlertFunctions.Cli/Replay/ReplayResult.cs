using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// The outcome of a replay. Lines read = accepted + rejected (blank lines are not events and not counted);
/// accepted = evaluated + duplicates + internal transfers (see <see cref="EngineCounters"/>).
/// </summary>
internal sealed record ReplayResult(
    long LinesRead,
    long Accepted,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    EngineCounters Engine,
    IReadOnlyList<Alert> Alerts,
    int Notifications,
    TimeSpan Elapsed,
    long BytesRead)
{
    /// <summary>Assets whose events had no USD value (see <see cref="EngineCounters.Unvalued"/>), in ordinal order.</summary>
    public IReadOnlyList<string> UnvaluedAssets { get; init; } = [];

    /// <summary>Whether the input's order was checked, and what the replay found (and sorted).</summary>
    public InputOrder Order { get; init; } = InputOrder.NotChecked;

    public double EventsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : LinesRead / Elapsed.TotalSeconds;
}
