namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The last <see cref="Capacity"/> (platform, eventId) pairs, first in first out, so a redelivered or duplicated event is
/// processed once. Bounded on purpose: a duplicate older than the capacity is not recognised here (the Functions app also
/// skips whole redelivered batches by sequence number, and alert ids are deterministic, so it cannot create a second alert).
/// </summary>
internal sealed class RecentEventIds
{
    private readonly HashSet<PartyKey> _set = new(PartyKeyComparer.Ordinal);
    private readonly PartyKey[] _order;
    private int _next;

    public RecentEventIds(int capacity)
    {
        _order = new PartyKey[capacity];
    }

    public int Capacity => _order.Length;

    /// <summary>Returns false when the pair was seen recently.</summary>
    public bool TryAdd(string platform, string eventId)
    {
        var key = new PartyKey(platform, eventId);
        if (!_set.Add(key))
        {
            return false;
        }

        var evicted = _order[_next];
        if (evicted.Platform is not null)
        {
            _set.Remove(evicted);
        }

        _order[_next] = key;
        _next = (_next + 1) % _order.Length;
        return true;
    }
}
