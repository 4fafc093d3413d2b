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
    private readonly Dictionary<string, EventTimeOrderer> _orderers = new(StringComparer.Ordinal);
    private string? _lastPlatform;
    private EventTimeOrderer? _last;

    public void Add(in WithdrawalEvent e, IEventSink release) => For(e.Platform).Add(e, release);

    public void Flush(IEventSink release)
    {
        // Sorted so the end of a replay releases platforms in one order whatever the order they first appeared in.
        foreach (var platform in _orderers.Keys.Order(StringComparer.Ordinal))
        {
            _orderers[platform].Flush(release);
        }
    }

    private EventTimeOrderer For(string platform)
    {
        // The parser pools platform ids, so a run of one platform is answered by reference without hashing.
        if (_last is not null && (ReferenceEquals(_lastPlatform, platform) || string.Equals(_lastPlatform, platform, StringComparison.Ordinal)))
        {
            return _last;
        }

        if (!_orderers.TryGetValue(platform, out var orderer))
        {
            orderer = new EventTimeOrderer(lateness);
            _orderers.Add(platform, orderer);
        }

        (_lastPlatform, _last) = (platform, orderer);
        return orderer;
    }
}
