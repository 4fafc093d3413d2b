using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// What one replay runs with: rules and watchlist already loaded and validated, and how many detection lanes (threads)
/// share the platforms; by default one per processor, since the parsing thread alone is faster than detection.
/// </summary>
internal sealed record ReplaySettings(DetectionRules Rules, Watchlist Watchlist)
{
    public int DetectionLanes { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>How much line text one chunk of an out-of-order file holds in memory while it is sorted (see <see cref="TimeSortedLines"/>).</summary>
    public int SortChunkBytes { get; init; } = TimeSortedLines.DefaultChunkBytes;
}
