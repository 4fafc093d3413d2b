using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// One platform's keyed states. Nesting them under the platform keeps the platform id out of every lookup key (one
/// string hash less per lookup) and keeps each table as small as that platform's working set. Not persisted itself:
/// its <see cref="State"/> and the states in its tables are.
/// </summary>
internal sealed class PlatformTables
{
    private static readonly TimeSpan WalletIdleLimit = TimeSpan.FromDays(30);
    private static readonly TimeSpan AccountIdleLimit = TimeSpan.FromDays(8);

    /// <param name="expectedEvents">How many events the platform is expected to send, if known (see <see cref="Engine.RecentEventIds"/>).</param>
    public PlatformTables(string platform, TimeSpan destinationMemory, int duplicateMemory, long expectedEvents, HashSet<AddressKey> internalWallets, Action<TrackedState>? onEvicted = null)
    {
        State = new PlatformState(platform);
        InternalWallets = internalWallets;
        Wallets = new StateTable<WalletKey, WalletAssetState>(EqualityComparer<WalletKey>.Default, WalletIdleLimit, onEvicted);
        // A destination's state is held by its table alone (and by one event's context while it is processed), so the
        // table may hand an evicted one back for reuse; wallets' states are not: the platform's draining keys hold their evidence.
        Destinations = new StateTable<AddressKey, DestinationState>(EqualityComparer<AddressKey>.Default, destinationMemory, onEvicted, keepsEvicted: true);
        Accounts = new StateTable<AccountKey, AccountState>(EqualityComparer<AccountKey>.Default, AccountIdleLimit, onEvicted);
        RecentEventIds = new RecentEventIds(duplicateMemory, expectedEvents);
        State.EventIds = RecentEventIds;
    }

    public PlatformState State { get; private set; }

    /// <summary>Takes a restored platform state, with the event ids it kept, in place of this one's.</summary>
    public void Adopt(PlatformState restored)
    {
        RecentEventIds.Restore(restored.RestoredEventIds);
        restored.RestoredEventIds = [];
        restored.EventIds = RecentEventIds;
        State = restored;
    }

    public StateTable<WalletKey, WalletAssetState> Wallets { get; }

    /// <summary>The rules file's allow-listed internal wallets of this platform, resolved once instead of per event.</summary>
    public HashSet<AddressKey> InternalWallets { get; }

    public StateTable<AddressKey, DestinationState> Destinations { get; }

    public StateTable<AccountKey, AccountState> Accounts { get; }

    public RecentEventIds RecentEventIds { get; }

    /// <summary>Every state held; the platform's own state only once an event or an import gave it content.</summary>
    /// <summary>
    /// A draining key is snapshotted without its evidence, which is the wallet's own short-window evidence (snapshotted with
    /// the wallet): after an import, each key points at its wallet's again, so a multi-asset alert raised after a restart
    /// still names the withdrawals of the pairs that looked drained before it. A key whose wallet was not imported stays without.
    /// </summary>
    public void RelinkDrainingEvidence()
    {
        var keys = State.DrainingKeys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is { Wallet: { } wallet, Asset: { } asset, Evidence: null } key
                && Wallets.TryGetValue(new WalletKey(new AddressKey(wallet), asset), out var state))
            {
                keys[i] = key with { Evidence = state.ShortEvidence };
            }
        }
    }

    public IEnumerable<TrackedState> AllStates =>
        (State.LastSeen == default ? [] : new TrackedState[] { State }).Concat(Wallets.Values).Concat(Destinations.Values).Concat(Accounts.Values);
}
