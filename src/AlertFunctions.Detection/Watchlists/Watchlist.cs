namespace AlertFunctions.Detection.Watchlists;

/// <summary>
/// Addresses of interest, matched by address alone with chain-aware case rules (<see cref="AddressComparer"/>): an EVM
/// address is controlled by the same key on every EVM chain, so a hit on one chain counts on all. When several files list
/// the same address, the entry that drives the stronger rule wins (sanction-like over mixer over context).
/// Immutable after construction and safe to share between threads.
/// </summary>
public sealed class Watchlist
{
    private readonly Dictionary<AddressKey, WatchlistEntry> _entries;

    public Watchlist(IEnumerable<WatchlistEntry> entries)
    {
        _entries = [];
        foreach (var entry in entries)
        {
            var key = new AddressKey(entry.Address);
            if (!_entries.TryGetValue(key, out var existing) || Strength(entry.Category) > Strength(existing.Category))
            {
                _entries[key] = entry;
            }
        }
    }

    public static Watchlist Empty { get; } = new([]);

    public int Count => _entries.Count;

    public IEnumerable<WatchlistEntry> Entries => _entries.Values;

    public bool TryMatch(string address, out WatchlistEntry entry) => TryMatch(new AddressKey(address), out entry);

    public bool TryMatch(in AddressKey address, out WatchlistEntry entry) => _entries.TryGetValue(address, out entry!);

    private static int Strength(string category) => category switch
    {
        _ when WatchlistCategory.IsSanctionLike(category) => 3,
        WatchlistCategory.Mixer => 2,
        WatchlistCategory.Internal => 1,
        _ => 0,
    };
}
