using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The source wallets a platform has used, each with when it last sent and where its funds have gone so far, at most
/// <see cref="Capacity"/> of them: a transfer to one is rebalancing, not a withdrawal. Bounded because a producer that
/// reports rotating addresses (a UTXO wallet's input addresses) would otherwise grow the platform's state until it no
/// longer fit a table row; when full, the quarter least recently used leaves, so a wallet in use is never forgotten.
/// </summary>
internal sealed class RecentWallets
{
    public const int Capacity = 4_096;

    private readonly Dictionary<AddressKey, WalletUse> _uses = [];

    public int Count => _uses.Count;

    public bool Contains(in AddressKey wallet) => _uses.ContainsKey(wallet);

    public void Touch(in AddressKey wallet, DateTimeOffset time) => Touch(wallet, time, FundsMoved.None);

    /// <summary>
    /// Records that the wallet sent at <paramref name="time"/> and where the funds went (<paramref name="moved"/>), in one
    /// lookup. Returns where it had sent funds before this transfer.
    /// </summary>
    /// <param name="withoutAccount">The transfer carries no account: a cold wallet's first one outside is made with its key.</param>
    public FundsMoved Touch(in AddressKey wallet, DateTimeOffset time, FundsMoved moved, bool withoutAccount = false)
    {
        ref var use = ref CollectionsMarshal.GetValueRefOrAddDefault(_uses, wallet, out var existed);
        var before = use.Moved;
        use.LastSentTicks = existed ? Math.Max(use.LastSentTicks, time.UtcTicks) : time.UtcTicks;
        use.Moved |= moved;
        if (BeginsPayingOutLikeAColdWallet(before, moved, withoutAccount))
        {
            use.Moved |= FundsMoved.OutsideFirstByKey;
        }

        if (!existed && _uses.Count > Capacity)
        {
            // Rare (only a new wallet beyond capacity), and a quarter at a time: one sort per thousand wallets added.
            foreach (var (stale, _) in InRecencyOrder().Skip(Capacity * 3 / 4).ToList())
            {
                _uses.Remove(stale);
            }
        }

        return before;
    }

    /// <summary>
    /// The wallet has so far only moved funds to the platform's own wallets (a cold wallet refilling hot ones): its first
    /// withdrawal out of the platform has no history of its own to be measured against, and is news in itself.
    /// </summary>
    public static bool OnlyInternally(FundsMoved moved) => moved == FundsMoved.Internally;

    internal bool HasOnlyMovedFundsInternally(in AddressKey wallet) => OnlyInternally(MovedBy(wallet));

    /// <summary>
    /// The wallet only moved funds to the platform's own wallets until a transfer without an account took funds outside (this
    /// one, or an earlier one): a cold wallet paying out with its key. A cold wallet pays nobody outside in the ordinary
    /// course, so a few such transfers are news however young its history of withdrawals; a hot wallet's first transfer
    /// outside is a customer's, with an account, and never marks it.
    /// </summary>
    public static bool PaysOutLikeAColdWallet(FundsMoved before, FundsMoved moved, bool withoutAccount) =>
        (before & FundsMoved.OutsideFirstByKey) != 0 || BeginsPayingOutLikeAColdWallet(before, moved, withoutAccount);

    private static bool BeginsPayingOutLikeAColdWallet(FundsMoved before, FundsMoved moved, bool withoutAccount) =>
        OnlyInternally(before) && moved == FundsMoved.Outside && withoutAccount;

    /// <summary>Most recently used first (ties by address), so that an export is deterministic and keeps the order.</summary>
    public IEnumerable<(AddressKey Wallet, long LastSentTicks)> InRecencyOrder() =>
        _uses.OrderByDescending(p => p.Value.LastSentTicks).ThenBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => (p.Key, p.Value.LastSentTicks));

    internal FundsMoved MovedBy(in AddressKey wallet) => _uses.TryGetValue(wallet, out var use) ? use.Moved : FundsMoved.None;

    /// <summary>Restores what a snapshot saved; a value outside the flags is refused.</summary>
    internal void RestoreMoved(in AddressKey wallet, byte moved)
    {
        if (moved > (byte)(FundsMoved.Internally | FundsMoved.Outside | FundsMoved.OutsideFirstByKey))
        {
            throw new InvalidDataException($"wallet {wallet.Value} has unknown transfer flags {moved}");
        }

        ref var use = ref CollectionsMarshal.GetValueRefOrNullRef(_uses, wallet);
        if (!Unsafe.IsNullRef(ref use))
        {
            use.Moved = (FundsMoved)moved;
        }
    }

    [Flags]
    public enum FundsMoved : byte
    {
        None = 0,
        Internally = 1,
        Outside = 2,

        /// <summary>After only internal transfers, the first transfer outside carried no account (see <see cref="PaysOutLikeAColdWallet"/>).</summary>
        OutsideFirstByKey = 4,
    }

    private struct WalletUse
    {
        public long LastSentTicks;
        public FundsMoved Moved;
    }
}
