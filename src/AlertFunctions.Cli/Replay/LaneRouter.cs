namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Assigns each platform to one detection lane for the whole replay (a platform's state lives in one engine) and puts a
/// newly seen platform on the lane that has been given the fewest events so far. Which lane a platform lands on changes
/// only which thread does the work, never the alerts: platforms share no detection state.
/// </summary>
internal sealed class LaneRouter
{
    private readonly PlatformLookup<int> _lanes;
    private readonly long[] _routed;

    public LaneRouter(int laneCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(laneCount, 1);
        _routed = new long[laneCount];
        _lanes = new PlatformLookup<int>(_ => LeastLoaded());
    }

    /// <summary>Events routed to each lane so far.</summary>
    public IReadOnlyList<long> Routed => _routed;

    public int Route(string platform)
    {
        var lane = _lanes[platform];
        _routed[lane]++;
        return lane;
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
