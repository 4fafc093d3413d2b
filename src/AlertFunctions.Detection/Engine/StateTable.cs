namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Keyed detector states with idle eviction: a state untouched for longer than <see cref="IdleLimit"/> (event time) is
/// dropped by a sweep that runs after enough inserts (at least half the table's size), so memory follows the active
/// wallets, accounts and destinations, not the stream's length, and the sweep costs amortized O(1) per insert. Until a
/// sweep runs, the engine treats a state found idle beyond the limit as absent, so what it decides never depends on when
/// the sweep ran (or whether a restart brought the state back).
/// </summary>
internal sealed class StateTable<TKey, TState>
    where TKey : notnull
    where TState : TrackedState
{
    private const int MinInsertsBetweenSweeps = 4096;
    private readonly Dictionary<TKey, TState> _items;
    private readonly Action<TrackedState>? _onEvicted;
    private int _insertsSinceSweep;

    /// <param name="onEvicted">Told of each state a sweep drops, so a persisted copy can be dropped too.</param>
    public StateTable(IEqualityComparer<TKey> comparer, TimeSpan idleLimit, Action<TrackedState>? onEvicted = null)
    {
        _items = new Dictionary<TKey, TState>(comparer);
        IdleLimit = idleLimit;
        _onEvicted = onEvicted;
    }

    public TimeSpan IdleLimit { get; }

    public int Count => _items.Count;

    public IEnumerable<TState> Values => _items.Values;

    public bool TryGetValue(TKey key, out TState state) => _items.TryGetValue(key, out state!);

    /// <summary>Untouched for longer than <see cref="IdleLimit"/> at <paramref name="now"/>: what a sweep drops, and what the engine treats as absent until then.</summary>
    public bool IsIdle(TState state, DateTimeOffset now) => now - state.LastSeen > IdleLimit;

    public void Add(TKey key, TState state, DateTimeOffset now)
    {
        _items[key] = state;
        if (++_insertsSinceSweep >= Math.Max(MinInsertsBetweenSweeps, _items.Count / 2))
        {
            Sweep(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        _insertsSinceSweep = 0;
        foreach (var (key, state) in _items)
        {
            if (IsIdle(state, now))
            {
                _items.Remove(key);
                _onEvicted?.Invoke(state);
            }
        }
    }
}
