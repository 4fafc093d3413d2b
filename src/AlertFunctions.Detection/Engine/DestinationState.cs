using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// What one platform has sent to one destination address: when it was first and last seen (a destination unseen for the
/// engine's destination memory is new again), the largest amount it received (a whale's usual address), what it received
/// while new (trickle into a fresh address), which assets and accounts fed it recently (multi-asset drain, fan-in), and the
/// open episodes of the rules whose subject is this destination.
/// </summary>
internal sealed class DestinationState : TrackedState
{
    public const int MaxAssets = 8;
    public const int MaxAccounts = 32;

    /// <summary>What a destination received before, as a share of a withdrawal, that leaves it as good as unseen: dust, a test payment.</summary>
    public const decimal DustShare = 0.01m;

    // Times are kept as UTC ticks (every event time is UTC) and the members few destinations ever use sit in one object
    // allocated on first use: most destinations are paid once by one account, and this state is created for each of them,
    // so its size is most of what detection allocates and what the collector copies.
    private long _firstSeenTicks;
    private long _firstAccountLastSentTicks;
    private Occasional? _occasional;

    public DestinationState(string platform, string address, DateTimeOffset firstSeen)
    {
        Platform = platform;
        Address = address;
        FirstSeen = firstSeen;
    }

    public string Platform { get; private set; }

    public string Address { get; private set; }

    /// <summary>
    /// Makes this state, which the engine no longer holds (evicted, or found idle beyond the destination memory), the state
    /// of a destination first seen now, as if newly made: every field as the constructor leaves it, except
    /// <see cref="TrackedState.Dirty"/>, which says whether the engine's list of changed states holds this object. A
    /// running engine forgets about as many destinations as it meets, so reusing their states keeps the commonest
    /// allocation of detection off the heap.
    /// </summary>
    public DestinationState Reuse(string platform, string address, DateTimeOffset firstSeen)
    {
        Platform = platform;
        Address = address;
        LastSeen = default;
        _occasional = null;
        MaxReceivedUsd = 0;
        ReceivedCount = 0;
        FirstAccount = null;
        FirstAccountWithdrawal = default;
        _firstAccountLastSentTicks = 0;
        // What it received while new, as for a known destination taken as new again.
        StartAfresh(firstSeen);
        return this;
    }

    public DateTimeOffset FirstSeen
    {
        get => new(_firstSeenTicks, TimeSpan.Zero);
        set => _firstSeenTicks = value.UtcTicks;
    }

    public decimal MaxReceivedUsd { get; set; }

    public int ReceivedCount { get; set; }

    /// <summary>
    /// USD and withdrawals received while the destination was new: within its first long window, or within fan-in's
    /// <c>newForHours</c> if longer (a fan-in alert reports them for as long as the collector is new).
    /// </summary>
    public decimal FreshUsd { get; set; }

    public int FreshCount { get; set; }

    /// <summary>Like <see cref="FreshUsd"/>, counting only withdrawals of at least rapid-drain's minimum leg (a trickle's chunks, not a whale's small change).</summary>
    public decimal FreshLegsUsd { get; set; }

    public int FreshLegs { get; set; }

    /// <summary>
    /// Distinct assets received since first seen, at most <see cref="MaxAssets"/>, with the USD of each; the array grows as
    /// assets come (see <see cref="AddAsset"/>).
    /// </summary>
    public (string Asset, decimal Usd)[]? Assets
    {
        get => _occasional?.Assets;
        set => StoreIn(value is null)?.Assets = value;
    }

    public int AssetCount
    {
        get => _occasional?.AssetCount ?? 0;
        set => StoreIn(value == 0)?.AssetCount = value;
    }

    /// <summary>The first account that sent here; a second distinct account allocates <see cref="OtherAccounts"/>.</summary>
    public string? FirstAccount { get; set; }

    /// <summary>Which withdrawal <see cref="FirstAccount"/> made here: a fan-in alert names each account's withdrawal (the accounts to freeze).</summary>
    public (string? EventId, TransactionHash TxHash) FirstAccountWithdrawal { get; set; }

    /// <summary>The distinct accounts after the first, <see cref="OtherAccountCount"/> of them; see <see cref="TryAddOtherAccount"/>.</summary>
    public string[]? OtherAccounts => _occasional?.OtherAccounts;

    /// <summary>Which withdrawal each of <see cref="OtherAccounts"/> made here, by the same index; allocated with it.</summary>
    public (string? EventId, TransactionHash TxHash)[]? OtherAccountWithdrawals => _occasional?.OtherAccountWithdrawals;

    public int OtherAccountCount => _occasional?.OtherAccountCount ?? 0;

    /// <summary>
    /// When <see cref="FirstAccount"/> last sent here (at least fan-in's minimum): fan-in counts the accounts whose latest
    /// such withdrawal lies within its window.
    /// </summary>
    public DateTimeOffset FirstAccountLastSent
    {
        get => new(_firstAccountLastSentTicks, TimeSpan.Zero);
        set => _firstAccountLastSentTicks = value.UtcTicks;
    }

    /// <summary>When each of <see cref="OtherAccounts"/> last sent here, by the same index; allocated with it.</summary>
    public DateTimeOffset[]? OtherAccountsLastSent => _occasional?.OtherAccountsLastSent;

    /// <summary>The wallets that sent here without an account while the destination was new (see <see cref="RuleEvaluators.ManyWalletsIntoOneAddress"/>); null until one does.</summary>
    public KeyTransferSources? KeyTransfers
    {
        get => _occasional?.KeyTransfers;
        set => StoreIn(value is null)?.KeyTransfers = value;
    }

    public AlertEpisode? WatchlistEpisode
    {
        get => _occasional?.WatchlistEpisode;
        set => StoreIn(value is null)?.WatchlistEpisode = value;
    }

    public AlertEpisode? FanInEpisode
    {
        get => _occasional?.FanInEpisode;
        set => StoreIn(value is null)?.FanInEpisode = value;
    }

    /// <summary>
    /// This withdrawal is a leg (at least <paramref name="minLegUsd"/>) and the destination is as good as unseen for it: it
    /// received only dust before (<see cref="DustShare"/>), or, first paid before <paramref name="freshSince"/>, never as
    /// much as 1 / <paramref name="knownTolerance"/> of it, so the platform does not know it for transfers of this size (see
    /// <see cref="Rules.LargeWithdrawalSettings.IsRoutineFor"/>): a warm-up a thief paid days ahead, from a customer account he
    /// opened or from the key, too small beside his legs to make them routine. An address first paid since then is still
    /// fresh, and its counts of what it received while fresh already hold the thief's earlier, smaller legs.
    /// </summary>
    public bool IsUnknownFor(decimal usd, decimal minLegUsd, decimal knownTolerance, DateTimeOffset freshSince) =>
        usd >= minLegUsd && (IsDustBeside(MaxReceivedUsd, usd) || (FirstSeen < freshSince && MaxReceivedUsd * knownTolerance < usd));

    /// <summary>An amount of at most <see cref="DustShare"/> of <paramref name="usd"/>: a test payment beside a real transfer.</summary>
    public static bool IsDustBeside(decimal earlierUsd, decimal usd) => earlierUsd <= usd * DustShare;

    /// <summary>
    /// Takes the destination as first seen now: what it received while new starts again. Its accounts, the largest amount it
    /// received and its open alerts stay.
    /// </summary>
    public void StartAfresh(DateTimeOffset now)
    {
        FirstSeen = now;
        FreshUsd = 0;
        FreshCount = 0;
        FreshLegsUsd = 0;
        FreshLegs = 0;
        AssetCount = 0;
        KeyTransfers = null;
    }

    public int DistinctAccounts => (FirstAccount is null ? 0 : 1) + OtherAccountCount;

    /// <summary>
    /// Records when the account last sent here, adding it, with the withdrawal that brought it, if it is new for this
    /// destination. True when it was not counted in the window before <paramref name="windowStart"/>: new, or back after its
    /// latest withdrawal here left the window. False when it already counted (or the set is full).
    /// </summary>
    public bool RecordAccount(string account, (string? EventId, TransactionHash TxHash) withdrawal, DateTimeOffset time, DateTimeOffset windowStart)
    {
        if (FirstAccount is null)
        {
            FirstAccount = account;
            FirstAccountWithdrawal = withdrawal;
            FirstAccountLastSent = time;
            return true;
        }

        if (string.Equals(FirstAccount, account, StringComparison.Ordinal))
        {
            var before = FirstAccountLastSent;
            FirstAccountLastSent = Latest(before, time);
            return before < windowStart;
        }

        for (var i = 0; i < OtherAccountCount; i++)
        {
            if (string.Equals(OtherAccounts![i], account, StringComparison.Ordinal))
            {
                var before = OtherAccountsLastSent![i];
                OtherAccountsLastSent[i] = Latest(before, time);
                return before < windowStart;
            }
        }

        return TryAddOtherAccount(account, withdrawal, time);
    }

    /// <summary>
    /// Adds a distinct account after the first, with the withdrawal that brought it and its time; false when
    /// <see cref="MaxAccounts"/> are held. The arrays grow as accounts come: most destinations hear from one or two, and a
    /// full set costs a kilobyte.
    /// </summary>
    public bool TryAddOtherAccount(string account, (string? EventId, TransactionHash TxHash) withdrawal, DateTimeOffset time)
    {
        var o = Uncommon;
        if (o.OtherAccountCount == MaxAccounts - 1)
        {
            return false;
        }

        if (o.OtherAccounts is null || o.OtherAccountCount == o.OtherAccounts.Length)
        {
            o.GrowOtherAccounts(Math.Min(Math.Max(4, 2 * o.OtherAccountCount), MaxAccounts - 1));
        }

        o.OtherAccounts![o.OtherAccountCount] = account;
        o.OtherAccountWithdrawals![o.OtherAccountCount] = withdrawal;
        o.OtherAccountsLastSent![o.OtherAccountCount] = time;
        o.OtherAccountCount++;
        return true;
    }

    // Events arrive slightly out of order across partitions: a late withdrawal never moves an account's latest back.
    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    /// <summary>
    /// Adds the USD to the asset's entry, or adds the asset while fewer than <see cref="MaxAssets"/> are held (the array
    /// starts at two and doubles). Returns how many assets are held and their USD in all.
    /// </summary>
    public (int Count, decimal Usd) AddAsset(string asset, decimal usd)
    {
        var o = Uncommon;
        var total = 0m;
        var found = false;
        for (var i = 0; i < o.AssetCount; i++)
        {
            if (string.Equals(o.Assets![i].Asset, asset, StringComparison.Ordinal))
            {
                o.Assets[i].Usd += usd;
                found = true;
            }

            total += o.Assets[i].Usd;
        }

        if (!found && o.AssetCount < MaxAssets)
        {
            if (o.Assets is null || o.AssetCount == o.Assets.Length)
            {
                var assets = o.Assets;
                Array.Resize(ref assets, Math.Min(Math.Max(2, 2 * o.AssetCount), MaxAssets));
                o.Assets = assets;
            }

            o.Assets[o.AssetCount++] = (asset, usd);
            total += usd;
        }

        return (o.AssetCount, total);
    }

    /// <summary>The uncommon members, created on first use.</summary>
    private Occasional Uncommon => _occasional ??= new Occasional();

    /// <summary>
    /// Where a setter of an uncommon member stores its value: a default value (what <see cref="StartAfresh"/> and a closing
    /// episode store) only where the object exists, so clearing them allocates nothing.
    /// </summary>
    private Occasional? StoreIn(bool isDefault) => isDefault ? _occasional : Uncommon;

    /// <summary>The accounts whose latest withdrawal here was at or after <paramref name="start"/>.</summary>
    public int AccountsSentSince(DateTimeOffset start)
    {
        var count = FirstAccount is not null && FirstAccountLastSent >= start ? 1 : 0;
        for (var i = 0; i < OtherAccountCount; i++)
        {
            if (OtherAccountsLastSent![i] >= start)
            {
                count++;
            }
        }

        return count;
    }

    public override string StateKey => StateKeys.Destination(Platform, Address);

    private sealed class Occasional
    {
        public (string Asset, decimal Usd)[]? Assets;
        public int AssetCount;
        public string[]? OtherAccounts;
        public (string? EventId, TransactionHash TxHash)[]? OtherAccountWithdrawals;
        public DateTimeOffset[]? OtherAccountsLastSent;
        public int OtherAccountCount;
        public KeyTransferSources? KeyTransfers;
        public AlertEpisode? WatchlistEpisode;
        public AlertEpisode? FanInEpisode;

        public void GrowOtherAccounts(int capacity)
        {
            Array.Resize(ref OtherAccounts, capacity);
            Array.Resize(ref OtherAccountWithdrawals, capacity);
            Array.Resize(ref OtherAccountsLastSent, capacity);
        }
    }
}
