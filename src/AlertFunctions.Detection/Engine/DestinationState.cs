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

    public DestinationState(string platform, string address, DateTimeOffset firstSeen)
    {
        Platform = platform;
        Address = address;
        FirstSeen = firstSeen;
    }

    public string Platform { get; }

    public string Address { get; }

    public DateTimeOffset FirstSeen { get; set; }

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

    /// <summary>Distinct assets received since first seen, at most <see cref="MaxAssets"/>, with the USD of each.</summary>
    public (string Asset, decimal Usd)[]? Assets { get; set; }

    public int AssetCount { get; set; }

    /// <summary>The first account that sent here; a second distinct account allocates <see cref="OtherAccounts"/>.</summary>
    public string? FirstAccount { get; set; }

    /// <summary>Which withdrawal <see cref="FirstAccount"/> made here: a fan-in alert names each account's withdrawal (the accounts to freeze).</summary>
    public (string? EventId, string? TxHash) FirstAccountWithdrawal { get; set; }

    /// <summary>The distinct accounts after the first, <see cref="OtherAccountCount"/> of them; see <see cref="TryAddOtherAccount"/>.</summary>
    public string[]? OtherAccounts { get; private set; }

    /// <summary>Which withdrawal each of <see cref="OtherAccounts"/> made here, by the same index; allocated with it.</summary>
    public (string? EventId, string? TxHash)[]? OtherAccountWithdrawals { get; private set; }

    public int OtherAccountCount { get; private set; }

    /// <summary>
    /// When <see cref="FirstAccount"/> last sent here (at least fan-in's minimum): fan-in counts the accounts whose latest
    /// such withdrawal lies within its window.
    /// </summary>
    public DateTimeOffset FirstAccountLastSent { get; set; }

    /// <summary>When each of <see cref="OtherAccounts"/> last sent here, by the same index; allocated with it.</summary>
    public DateTimeOffset[]? OtherAccountsLastSent { get; private set; }

    /// <summary>The wallets that sent here without an account while the destination was new (see <see cref="RuleEvaluators.ManyWalletsIntoOneAddress"/>); null until one does.</summary>
    public KeyTransferSources? KeyTransfers { get; set; }

    public AlertEpisode? WatchlistEpisode { get; set; }

    public AlertEpisode? FanInEpisode { get; set; }

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
    public bool RecordAccount(string account, (string? EventId, string? TxHash) withdrawal, DateTimeOffset time, DateTimeOffset windowStart)
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
    public bool TryAddOtherAccount(string account, (string? EventId, string? TxHash) withdrawal, DateTimeOffset time)
    {
        if (OtherAccountCount == MaxAccounts - 1)
        {
            return false;
        }

        if (OtherAccounts is null || OtherAccountCount == OtherAccounts.Length)
        {
            GrowOtherAccounts(Math.Min(Math.Max(4, 2 * OtherAccountCount), MaxAccounts - 1));
        }

        OtherAccounts![OtherAccountCount] = account;
        OtherAccountWithdrawals![OtherAccountCount] = withdrawal;
        OtherAccountsLastSent![OtherAccountCount] = time;
        OtherAccountCount++;
        return true;
    }

    // Events arrive slightly out of order across partitions: a late withdrawal never moves an account's latest back.
    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private void GrowOtherAccounts(int capacity)
    {
        var accounts = OtherAccounts;
        var withdrawals = OtherAccountWithdrawals;
        var lastSent = OtherAccountsLastSent;
        Array.Resize(ref accounts, capacity);
        Array.Resize(ref withdrawals, capacity);
        Array.Resize(ref lastSent, capacity);
        (OtherAccounts, OtherAccountWithdrawals, OtherAccountsLastSent) = (accounts, withdrawals, lastSent);
    }

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
}
