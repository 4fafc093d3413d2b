namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Assigns each platform to one detection lane for the whole replay (a platform's state lives in one engine) and puts a
/// newly seen platform on the lane that has been given the fewest events so far. Which lane a platform lands on changes
/// only which thread does the work, never the alerts: platforms share no detection state.
/// </summary>
internal sealed class LaneRouter
{
    private readonly Dictionary<string, int> _lanes = new(StringComparer.Ordinal);
    private readonly long[] _routed;
    private string? _lastPlatform;
    private int _lastLane;

    public LaneRouter(int laneCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(laneCount, 1);
        _routed = new long[laneCount];
    }

    public int LaneCount => _routed.Length;

    /// <summary>Events routed to each lane so far.</summary>
    public IReadOnlyList<long> Routed => _routed;

    public int Route(string platform)
    {
        // The parser pools platform ids, so a run of one platform is answered by reference without hashing.
        if (!ReferenceEquals(_lastPlatform, platform) && !string.Equals(_lastPlatform, platform, StringComparison.Ordinal))
        {
            if (!_lanes.TryGetValue(platform, out _lastLane))
            {
                _lastLane = LeastLoaded();
                _lanes.Add(platform, _lastLane);
            }

            _lastPlatform = platform;
        }

        _routed[_lastLane]++;
        return _lastLane;
    }

    private int LeastLoaded()
    {
        var best = 0;
        for (var lane = 1; lane < _routed.Length; lane++)
        {
            if (_routed[lane] < _routed[best])
            {
                best = lane;
            }
        }

        return best;
    }
}
