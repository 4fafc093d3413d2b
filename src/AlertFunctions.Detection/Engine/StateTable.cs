using System.Diagnostics.CodeAnalysis;

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
    private readonly bool _keepsEvicted;
    private readonly Stack<TState> _evicted = new();
    private int _insertsSinceSweep;

    /// <param name="onEvicted">Told of each state a sweep drops, so a persisted copy can be dropped too.</param>
    /// <param name="keepsEvicted">Keep dropped states for <see cref="TryTakeEvicted"/>: only for a state that can be made new again, and is held by nothing else.</param>
    public StateTable(IEqualityComparer<TKey> comparer, TimeSpan idleLimit, Action<TrackedState>? onEvicted = null, bool keepsEvicted = false)
    {
        _items = new Dictionary<TKey, TState>(comparer);
        IdleLimit = idleLimit;
        _onEvicted = onEvicted;
        _keepsEvicted = keepsEvicted;
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

    /// <summary>
    /// A state a sweep dropped, for the caller to make the state of a new key (the engine holds it nowhere else); false when
    /// none is kept. At most as many are kept as inserts may come before the next sweep, so they never hold more memory
    /// than the evicted states held before, and a table that shrinks lets the rest go.
    /// </summary>
    public bool TryTakeEvicted([NotNullWhen(true)] out TState? state) => _evicted.TryPop(out state);

    private void Sweep(DateTimeOffset now)
    {
        _insertsSinceSweep = 0;
        _evicted.Clear();
        var keep = _keepsEvicted ? Math.Max(MinInsertsBetweenSweeps, _items.Count / 2) : 0;
        foreach (var (key, state) in _items)
        {
            if (IsIdle(state, now))
            {
                _items.Remove(key);
                _onEvicted?.Invoke(state);
                if (_evicted.Count < keep)
                {
                    _evicted.Push(state);
                }
            }
        }
    }
}
