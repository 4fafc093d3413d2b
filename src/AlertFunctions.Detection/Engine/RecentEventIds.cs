namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The last <see cref="Capacity"/> event ids of one platform, first in first out, so a redelivered or duplicated event is
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

    /// <summary>Returns false when the id was seen recently.</summary>
    public bool TryAdd(string eventId)
    {
        // The hash is computed once and carried, so adding and later evicting an id hashes it once.
        var key = new HashedKey(eventId, StringComparer.Ordinal.GetHashCode(eventId));
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

    private readonly record struct HashedKey(string Id, int Hash);

    private sealed class HashedKeyComparer : IEqualityComparer<HashedKey>
    {
        public static HashedKeyComparer Instance { get; } = new();

        public bool Equals(HashedKey x, HashedKey y) =>
            x.Hash == y.Hash && string.Equals(x.Id, y.Id, StringComparison.Ordinal);

        public int GetHashCode(HashedKey key) => key.Hash;
    }
}
