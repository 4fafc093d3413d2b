using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// What one replay runs with: rules and watchlist already loaded and validated, and how many detection lanes (threads)
/// share the platforms. By default two per processor: a platform's events stay in one lane, and platforms differ in
/// weight (in the 280,000-event file one has 45% of the events), so with one lane per processor one lane ended the
/// replay alone while the other core idled (62% against 38% of the lanes' samples). With more lanes than cores the
/// operating system balances them; measured (21 runs alternating): median wall 0.79 -> 0.75 s, same user CPU.
/// </summary>
internal sealed record ReplaySettings(DetectionRules Rules, Watchlist Watchlist)
{
    public int DetectionLanes { get; init; } = Math.Clamp(Environment.ProcessorCount * 2, 1, 8);

    /// <summary>
    /// How many threads parse lines (see <see cref="ParseWorkers"/>), by default one per two processors: the reading
    /// thread then only splits lines and routes parsed events. Why not one per processor: on 2 cores, where both are
    /// busy for the whole replay, a second worker added no speed, only a second string pool, more blocks in flight and
    /// more collector work (perf, 4 recordings each alternating on the 280,000-event file: 5,174-5,316 samples against
    /// 5,287-5,464, collector 317-340 against 353-376; the 560,000-event file's peak RSS 212 against 238 MB).
    /// </summary>
    public int ParseWorkers { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 8);

    /// <summary>How much line text one chunk of an out-of-order file holds in memory while it is sorted (see <see cref="TimeSortedLines"/>).</summary>
    public int SortChunkBytes { get; init; } = TimeSortedLines.DefaultChunkBytes;
}
