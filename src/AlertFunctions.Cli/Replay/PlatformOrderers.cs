using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// One <see cref="EventTimeOrderer"/> per platform. Platforms are independent streams (different producers, different
/// delays), so each is held back by its own newest timestamp: one platform running ahead never makes another's slightly
/// reordered events late, and the order a platform's events reach the engine does not depend on which other platforms
/// share the file or the detection lane.
/// </summary>
internal sealed class PlatformOrderers(TimeSpan lateness)
{
    private readonly PlatformLookup<EventTimeOrderer> _orderers = new(() => new EventTimeOrderer(lateness));

    public void Add(in WithdrawalEvent e, IEventSink release) => _orderers[e.Platform].Add(e, release);

    public void Flush(IEventSink release)
    {
        // Sorted so the end of a replay releases platforms in one order whatever the order they first appeared in.
        foreach (var platform in _orderers.Platforms.Order(StringComparer.Ordinal))
        {
            _orderers[platform].Flush(release);
        }
    }
}
