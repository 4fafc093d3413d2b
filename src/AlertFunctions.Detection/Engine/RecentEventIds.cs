namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The last <see cref="Capacity"/> (platform, eventId) pairs, first in first out, so a redelivered or duplicated event is
/// processed once. Bounded on purpose: a duplicate older than the capacity is not recognised here (the Functions app also
/// skips whole redelivered batches by sequence number, and alert ids are deterministic, so it cannot create a second alert).
/// </summary>
internal sealed class RecentEventIds
{
    private readonly HashSet<HashedKey> _set = new(HashedKeyComparer.Instance);
    private readonly HashedKey[] _order;
    private int _next;

    public RecentEventIds(int capacity)
    {
        _order = new HashedKey[capacity];
    }

    public int Capacity => _order.Length;

    /// <summary>Returns false when the pair was seen recently.</summary>
    public bool TryAdd(string platform, string eventId)
    {
        // The hash is computed once and carried, so adding and later evicting an id hashes its strings once.
        var key = new HashedKey(platform, eventId, HashCode.Combine(StringComparer.Ordinal.GetHashCode(platform), StringComparer.Ordinal.GetHashCode(eventId)));
        if (!_set.Add(key))
        {
            return false;
        }

        var evicted = _order[_next];
        if (evicted.Id is not null)
        {
            _set.Remove(evicted);
        }

        _order[_next] = key;
        _next = (_next + 1) % _order.Length;
        return true;
    }

    private readonly record struct HashedKey(string Platform, string Id, int Hash);

    private sealed class HashedKeyComparer : IEqualityComparer<HashedKey>
    {
        public static HashedKeyComparer Instance { get; } = new();

        public bool Equals(HashedKey x, HashedKey y) =>
            x.Hash == y.Hash && string.Equals(x.Id, y.Id, StringComparison.Ordinal) && string.Equals(x.Platform, y.Platform, StringComparison.Ordinal);

        public int GetHashCode(HashedKey key) => key.Hash;
    }
}
