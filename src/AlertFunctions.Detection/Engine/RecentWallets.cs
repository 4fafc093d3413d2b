using System.Runtime.InteropServices;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The source wallets a platform has used, each with when it last sent, at most <see cref="Capacity"/> of them: a transfer
/// to one is rebalancing, not a withdrawal. Bounded because a producer that reports rotating addresses (a UTXO wallet's
/// input addresses) would otherwise grow the platform's state until it no longer fit a table row; when full, the quarter
/// least recently used leaves, so a wallet in use is never forgotten.
/// </summary>
internal sealed class RecentWallets
{
    public const int Capacity = 4_096;

    private readonly Dictionary<AddressKey, long> _lastSentTicks = [];

    public int Count => _lastSentTicks.Count;

    public bool Contains(in AddressKey wallet) => _lastSentTicks.ContainsKey(wallet);

    public void Touch(in AddressKey wallet, DateTimeOffset time)
    {
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastSentTicks, wallet, out var existed);
        last = existed ? Math.Max(last, time.UtcTicks) : time.UtcTicks;
        if (!existed && _lastSentTicks.Count > Capacity)
        {
            // Rare (only a new wallet beyond capacity), and a quarter at a time: one sort per thousand wallets added.
            foreach (var (stale, _) in InRecencyOrder().Skip(Capacity * 3 / 4).ToList())
            {
                _lastSentTicks.Remove(stale);
            }
        }
    }

    /// <summary>Most recently used first (ties by address), so that an export is deterministic and keeps the order.</summary>
    public IEnumerable<(AddressKey Wallet, long LastSentTicks)> InRecencyOrder() =>
        _lastSentTicks.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => (p.Key, p.Value));
}
