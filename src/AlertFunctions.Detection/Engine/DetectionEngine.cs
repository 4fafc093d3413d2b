using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine.RuleEvaluators;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Runs every rule over a stream of validated withdrawals. Deterministic in event time: the same events in the same order
/// give the same alerts, whatever the wall clock. O(1) work per event, and no allocation for events whose wallet, account
/// and destination are already known and that raise nothing; a first sighting allocates that key's state once (a new
/// destination's reuses the state of one the engine forgot, when a sweep left one).
/// Not thread-safe: one engine per Event Hubs partition (or per replay).
/// </summary>
public sealed class DetectionEngine
{
    private readonly DetectionRules _rules;
    private readonly Watchlist _watchlist;
    private readonly Dictionary<string, PlatformTables> _platforms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _knownWallets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _expectedEvents = new(StringComparer.Ordinal);
    private readonly int _duplicateMemory;
    private PlatformTables? _lastPlatform;
    private readonly List<TrackedState> _dirty = [];
    private readonly HashSet<string> _evicted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unvaluedAssets = new(StringComparer.Ordinal);

    /// <param name="duplicateMemory">How many recent event ids per platform are remembered to skip duplicates.</param>
    public DetectionEngine(DetectionRules rules, Watchlist watchlist, int duplicateMemory = 65_536)
    {
        _rules = rules;
        _watchlist = watchlist;
        _duplicateMemory = duplicateMemory;
    }

    public EngineCounters Counters { get; } = new();

    public DetectionRules Rules => _rules;

    /// <summary>How many distinct <see cref="UnvaluedAssets"/> are kept: a stream of ever-new asset names must not grow memory.</summary>
    public const int MaxUnvaluedAssetsNamed = 256;

    /// <summary>
    /// The assets of events counted in <see cref="EngineCounters.Unvalued"/> (no amountUsd and no reference price), the
    /// first <see cref="MaxUnvaluedAssetsNamed"/> of them.
    /// </summary>
    public IReadOnlyCollection<string> UnvaluedAssets => _unvaluedAssets;

    /// <summary>When true, states touched since the last <see cref="ExportChanges"/> are remembered for persistence.</summary>
    public bool TrackChanges { get; init; }

    public int TrackedWallets => _platforms.Values.Sum(p => p.Wallets.Count);

    public int TrackedDestinations => _platforms.Values.Sum(p => p.Destinations.Count);

    public int TrackedAccounts => _platforms.Values.Sum(p => p.Accounts.Count);

    /// <summary>
    /// Wallets the platform is known to own before its events show them (a replay reads every source wallet of its input
    /// first): a transfer to one is rebalancing even when it comes before that wallet's first outgoing transfer. Must be
    /// given before the platform's first event; they are not persisted (like the rules file's <c>internalWallets</c>).
    /// </summary>
    public void AddKnownWallets(string platform, IEnumerable<string> wallets)
    {
        if (_platforms.ContainsKey(platform))
        {
            throw new InvalidOperationException($"known wallets of '{platform}' must be given before its first event");
        }

        if (!_knownWallets.TryGetValue(platform, out var known))
        {
            _knownWallets[platform] = known = [];
        }

        known.AddRange(wallets);
    }

    /// <summary>
    /// How many events the platform is expected to send (a replay's first pass counts them), so its memory of recent event
    /// ids is made at that size at once rather than grown as they come. Changes no result. Must be given before the
    /// platform's first event.
    /// </summary>
    public void ExpectEvents(string platform, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_platforms.ContainsKey(platform))
        {
            throw new InvalidOperationException($"the events expected from '{platform}' must be given before its first event");
        }

        _expectedEvents[platform] = count;
    }

    public void Process(in WithdrawalEvent e, IAlertSink sink)
    {
        Counters.Received++;
        var tables = GetPlatform(e.Platform);
        var destinationKey = e.DestinationKey;
        // Look the event's large-table states up first, back to back, so their cache misses overlap.
        tables.Destinations.TryGetValue(destinationKey, out var knownDestination);
        DestinationState? idleDestination = null;
        AccountState? knownAccount = null;
        if (e.AccountId is not null)
        {
            tables.Accounts.TryGetValue(e.AccountKey, out knownAccount!);
        }

        // Read the found states now, so the cache misses on them overlap with the lookups' and the duplicate check's: their
        // last-seen times (a state idle beyond its table's limit is absent), and the slot of the account's ring that
        // structuring writes next, a cache line the account's other fields do not share.
        if (knownDestination is not null && tables.Destinations.IsIdle(knownDestination, e.Timestamp))
        {
            idleDestination = knownDestination;
            knownDestination = null;
        }

        if (knownAccount is not null && tables.Accounts.IsIdle(knownAccount, e.Timestamp))
        {
            knownAccount = null;
        }
        else
        {
            knownAccount?.Withdrawals.Prefetch();
        }

        if (!tables.RecentEventIds.TryAdd(e.EventIdFingerprint))
        {
            Counters.Duplicates++;
            return;
        }

        var t = e.Timestamp;
        var platform = tables.State;
        platform.SendsAccounts |= e.AccountId is not null;
        Touch(platform, t);
        var source = new AddressKey(e.SourceWallet);
        _watchlist.TryMatch(destinationKey, out var hit);
        // A wallet sending to itself is internal even on its first transfer, before it is one of the platform's wallets.
        var isInternal = destinationKey.Equals(source) || IsInternal(tables, destinationKey, hit);
        var moved = isInternal ? RecentWallets.FundsMoved.Internally : RecentWallets.FundsMoved.Outside;
        var movedBefore = platform.OwnWallets.Touch(source, t, moved, e.AccountId is null);
        if (isInternal)
        {
            Counters.InternalTransfers++;
            return;
        }

        Counters.Evaluated++;
        var wallet = GetWallet(tables, source, e, t);
        var usd = Value(e, wallet);
        var inWindows = AddToWindows(wallet, e, usd, out var previousBalance);
        var keyTransfer = platform.IsKeyTransfer(e);
        var destination = GetDestination(tables, knownDestination, idleDestination, destinationKey, e, t, keyTransfer ? usd : 0m, wallet.Rules, out var destinationIsNew);
        var previousMax = destination.MaxReceivedUsd;
        var firstPaidInLongWindow = t - destination.FirstSeen <= wallet.Long.Length;
        // What the destination received while new: fan-in reports it for as long as the collector is new (24 h), past the long window.
        if (firstPaidInLongWindow || t - destination.FirstSeen <= TimeSpan.FromHours(wallet.Rules.DestinationFanIn.NewForHours))
        {
            destination.FreshUsd += usd;
            destination.FreshCount++;
        }

        if (firstPaidInLongWindow)
        {
            if (usd >= wallet.Rules.RapidDrain.MinLegUsd)
            {
                destination.FreshLegsUsd += usd;
                destination.FreshLegs++;
            }
        }

        var account = e.AccountId is null ? null
            : knownAccount is { } k ? k
            : NewAccount(tables, e.AccountKey, e.AccountId, t);
        if (inWindows)
        {
            ColdStartLegs.Mark(e, usd, wallet, destinationIsNew, firstPaidInLongWindow, previousMax);
            RoutineWithdrawals.Mark(e, usd, wallet, destinationIsNew, firstPaidInLongWindow, previousMax);
        }

        var shortWindow = inWindows ? DrainAssessment.Short(wallet, usd) : default;
        var context = new EventContext(
            in e, usd, platform, wallet, destination, destinationIsNew, firstPaidInLongWindow, previousMax, account, hit, inWindows, shortWindow,
            RecentWallets.OnlyInternally(movedBefore), RecentWallets.PaysOutLikeAColdWallet(movedBefore, moved, e.AccountId is null), previousBalance);

        SanctionedDestinationRule.Evaluate(context, sink);
        MixerUsageRule.Evaluate(context, sink);
        LargeWithdrawalRule.Evaluate(context, sink);
        RapidDrainRule.Evaluate(context, sink);
        MultiAssetDrainRule.Evaluate(context, sink);
        StructuringRule.Evaluate(context, sink);
        DestinationFanInRule.Evaluate(context, sink);

        if (usd > destination.MaxReceivedUsd)
        {
            destination.MaxReceivedUsd = usd;
        }

        destination.ReceivedCount++;
        Touch(destination, t);
        Touch(wallet, t);
        if (account is not null)
        {
            Touch(account, t);
        }
    }

    /// <summary>The states touched since the last call, serialized; clears the list. Empty unless <see cref="TrackChanges"/>.</summary>
    public IReadOnlyList<DetectorStateEntry> ExportChanges()
    {
        var entries = new List<DetectorStateEntry>(_dirty.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // Newest first: a state that replaced an idle one of the same key (events spanning more than the idle limit) was
        // marked later, and only it is saved; two entries for one key would fail the save on every retry.
        for (var i = _dirty.Count - 1; i >= 0; i--)
        {
            var state = _dirty[i];
            state.Dirty = false;
            var key = state.StateKey;
            if (keys.Add(key))
            {
                entries.Add(new DetectorStateEntry(key, DetectorStateCodec.Encode(state)));
            }
        }

        _dirty.Clear();
        entries.Reverse();
        return entries;
    }

    /// <summary>
    /// The keys of states dropped as idle since the last call (and not created again since), so their persisted copies can be
    /// deleted: kept, they would grow the stored state without bound and come back on the next load. Clears the set. Empty
    /// unless <see cref="TrackChanges"/>.
    /// </summary>
    public IReadOnlyList<string> ExportEvictedKeys()
    {
        var keys = _evicted.Order(StringComparer.Ordinal).ToList();
        _evicted.Clear();
        return keys;
    }

    /// <summary>Every state held, serialized (for a full snapshot or tests).</summary>
    public IReadOnlyList<DetectorStateEntry> ExportAll()
    {
        return _platforms.Values.SelectMany(p => p.AllStates)
            .Select(s => new DetectorStateEntry(s.StateKey, DetectorStateCodec.Encode(s))).ToList();
    }

    /// <summary>
    /// Loads persisted states, replacing any held under the same key (a partition picked up by this instance). An entry that
    /// cannot be read is skipped and returned: its key starts afresh (no baseline, cold-start floors) rather than the whole
    /// partition stopping, which under the trigger's endless retries would blind detection until someone intervened.
    /// </summary>
    /// <returns>The entries that could not be read, with why; empty when all were loaded.</returns>
    public IReadOnlyList<UnreadableStateEntry> Import(IEnumerable<DetectorStateEntry> entries)
    {
        List<UnreadableStateEntry>? unreadable = null;
        foreach (var entry in entries)
        {
            TrackedState state;
            try
            {
                state = DetectorStateCodec.Decode(entry, _rules);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or OverflowException or IndexOutOfRangeException)
            {
                // Decoding builds the state before anything is added, so a payload that fails part-way leaves nothing behind.
                (unreadable ??= []).Add(new UnreadableStateEntry(entry.Key, ex.Message));
                continue;
            }

            switch (state)
            {
                case PlatformState p:
                    GetPlatform(p.Platform).Adopt(p);
                    break;
                case WalletAssetState w:
                    GetPlatform(w.Platform).Wallets.Add(new WalletKey(new AddressKey(w.Wallet), w.Asset), w, w.LastSeen);
                    break;
                case DestinationState d:
                    GetPlatform(d.Platform).Destinations.Add(new AddressKey(d.Address), d, d.LastSeen);
                    break;
                case AccountState a:
                    GetPlatform(a.Platform).Accounts.Add(new AccountKey(a.Account), a, a.LastSeen);
                    break;
            }
        }

        foreach (var tables in _platforms.Values)
        {
            tables.RelinkDrainingEvidence();
        }

        return unreadable ?? (IReadOnlyList<UnreadableStateEntry>)[];
    }

    private static bool IsInternal(PlatformTables tables, in AddressKey destination, WatchlistEntry? hit) =>
        tables.State.OwnWallets.Contains(destination)
        || tables.InternalWallets.Contains(destination)
        || hit is { Category: WatchlistCategory.Internal };

    private decimal Value(in WithdrawalEvent e, WalletAssetState wallet)
    {
        if (!_rules.TryValueUsd(e, out var usd) && !WindowPrice.TryValue(wallet.Long, e.Timestamp, e.Amount, out usd))
        {
            Counters.Unvalued++;
            if (_unvaluedAssets.Count < MaxUnvaluedAssetsNamed)
            {
                _unvaluedAssets.Add(e.Asset);
            }
        }

        return usd;
    }

    /// <param name="previousBalance">
    /// The wallet/asset's newest reported balance at or before this withdrawal's time (null when none was). A late event's
    /// newest balance may be a later withdrawal's, after this one: that is no balance before it, and not given.
    /// </param>
    private bool AddToWindows(WalletAssetState wallet, in WithdrawalEvent e, decimal usd, out decimal? previousBalance)
    {
        var t = e.Timestamp;
        previousBalance = wallet.BalanceTime <= t ? wallet.Balance : null;
        var newest = wallet.LastSeen;
        if (newest - t > _rules.AllowedLateness)
        {
            Counters.Late++;
            return false;
        }

        decimal? before = e.BalanceAfter is { } after ? after + e.Amount : null;
        if (!wallet.Long.TryAdd(t, usd, e.Amount, before, wallet.Baseline))
        {
            Counters.Late++;
            return false;
        }

        wallet.Short.TryAdd(t, usd, e.Amount, before, learner: null);
        wallet.ShortEvidence.Offer(e, usd);
        wallet.LongEvidence.Offer(e, usd);
        if (e.BalanceAfter is { } balance && t >= wallet.BalanceTime)
        {
            wallet.Balance = balance;
            wallet.BalanceTime = t;
        }

        return true;
    }

    private PlatformTables GetPlatform(string id)
    {
        // Streams carry few platforms, usually in runs: the last one answers most lookups without hashing.
        if (_lastPlatform is { } last && string.Equals(last.State.Platform, id, StringComparison.Ordinal))
        {
            return last;
        }

        if (!_platforms.TryGetValue(id, out var tables))
        {
            tables = new PlatformTables(id, _rules.DestinationMemory, _duplicateMemory, _expectedEvents.GetValueOrDefault(id), InternalWalletsOf(id), TrackChanges ? OnEvicted : null);
            _platforms.Add(id, tables);
        }

        _lastPlatform = tables;
        return tables;
    }

    private HashSet<AddressKey> InternalWalletsOf(string platform)
    {
        var configured = _rules.InternalWalletsOf(platform);
        if (!_knownWallets.Remove(platform, out var known))
        {
            return configured;
        }

        // A copy: the rules' set is shared by every engine built from them.
        var wallets = new HashSet<AddressKey>(configured);
        foreach (var wallet in known)
        {
            wallets.Add(new AddressKey(wallet));
        }

        return wallets;
    }

    private WalletAssetState GetWallet(PlatformTables tables, in AddressKey source, in WithdrawalEvent e, DateTimeOffset t)
    {
        var key = new WalletKey(source, e.Asset);
        if (!tables.Wallets.TryGetValue(key, out var wallet) || tables.Wallets.IsIdle(wallet, t))
        {
            wallet = new WalletAssetState(e.Platform, e.SourceWallet, e.Asset, _rules.For(e.Platform, e.Asset)) { FirstSeen = t, LastSeen = t };
            tables.Wallets.Add(key, wallet, t);
        }

        return wallet;
    }

    /// <param name="known">The destination's state, held and not idle; null when there is none or it was found idle.</param>
    /// <param name="idle">The destination's state found idle beyond the destination memory: absent, so made new in place.</param>
    /// <param name="keyTransferUsd">The withdrawal's USD when it was made with the wallet's key (no account on an exchange that sends them); otherwise 0.</param>
    /// <param name="isNew">
    /// Unseen for the destination memory, or now a key transfer of at least the leg minimum for which the address is not
    /// routine (it received only dust, or, first paid before the long window, never half as much): a thief's test payment or warm-up days before, a dust amount or a customer
    /// account's few thousand, must not make his address one the platform knows, which every test of new addresses would
    /// then pass over. Customers' withdrawals are left out: on a DeFi platform or a bridge, where the destination is
    /// usually the user's own address, a heavy-tailed user's rare large withdrawal is a hundred times his usual one.
    /// </param>
    private DestinationState GetDestination(PlatformTables tables, DestinationState? known, DestinationState? idle, in AddressKey key, in WithdrawalEvent e, DateTimeOffset t, decimal keyTransferUsd, RuleSet rules, out bool isNew)
    {
        if (known is not null)
        {
            isNew = known.IsUnknownFor(keyTransferUsd, rules.RapidDrain.MinLegUsd, rules.LargeWithdrawal.KnownDestinationTolerance, t - TimeSpan.FromHours(rules.RapidDrain.LongWindowHours));
            if (isNew)
            {
                known.StartAfresh(t);
            }

            return known;
        }

        isNew = true;
        // A state found idle is absent: made new in place. Otherwise one a sweep dropped, if any, is made new.
        var destination = idle is not null ? idle.Reuse(e.Platform, e.DestinationAddress, t)
            : tables.Destinations.TryTakeEvicted(out var evicted) ? evicted.Reuse(e.Platform, e.DestinationAddress, t)
            : new DestinationState(e.Platform, e.DestinationAddress, t);
        destination.LastSeen = t;
        tables.Destinations.Add(key, destination, t);
        return destination;
    }

    private static AccountState NewAccount(PlatformTables tables, in AccountKey key, string accountId, DateTimeOffset t)
    {
        var account = new AccountState(tables.State.Platform, accountId) { LastSeen = t };
        tables.Accounts.Add(key, account, t);
        return account;
    }

    private void Touch(TrackedState state, DateTimeOffset t)
    {
        if (t > state.LastSeen)
        {
            state.LastSeen = t;
        }

        MarkDirty(state);
    }

    private void MarkDirty(TrackedState state)
    {
        if (TrackChanges && !state.Dirty)
        {
            state.Dirty = true;
            _dirty.Add(state);
            if (_evicted.Count > 0)
            {
                // A key dropped and created again is saved, not deleted.
                _evicted.Remove(state.StateKey);
            }
        }
    }

    private void OnEvicted(TrackedState state)
    {
        _evicted.Add(state.StateKey);
        if (state.Dirty)
        {
            // Touched earlier in this batch (its events spanned more than the idle limit): not to be saved back.
            state.Dirty = false;
            _dirty.Remove(state);
        }
    }
}
