namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Recent behaviour of one customer account on one platform: the times of its latest withdrawals, of its near-threshold
/// ones (structuring) and of its exact-mixer-denomination withdrawals to new destinations, each kept in a small fixed ring,
/// plus the open episodes of the rules whose subject is this account.
/// </summary>
internal sealed class AccountState : TrackedState
{
    /// <summary>As many as <see cref="Withdrawals"/> keeps: structuring compares the near-threshold ones with those.</summary>
    public const int RingSize = RecentTimes.Capacity;

    // The rings of the account this state held before Reuse: the next account's first withdrawal that needs one takes it
    // instead of allocating a new one (1.5 KB), but only then, so a reused state shows no ring it has not used.
    private TimeRing? _spareNearThreshold;
    private TimeRing? _spareMixerDenominations;

    public AccountState(string platform, string account)
    {
        Platform = platform;
        Account = account;
    }

    public string Platform { get; private set; }

    public string Account { get; private set; }

    /// <summary>Every withdrawal's time, the latest <see cref="RecentTimes.Capacity"/>: what share of them were near the threshold.</summary>
    // A field, not a property: the value is updated in place.
    public RecentTimes Withdrawals;

    public TimeRing? NearThreshold { get; set; }

    public TimeRing? MixerDenominations { get; set; }

    public AlertEpisode? StructuringEpisode { get; set; }

    public AlertEpisode? MixerDenominationEpisode { get; set; }

    public override string StateKey => StateKeys.Account(Platform, Account);

    /// <summary><see cref="NearThreshold"/>, made on first use.</summary>
    public TimeRing NearThresholdRing() => NearThreshold ??= TakeOrCreate(ref _spareNearThreshold);

    /// <summary><see cref="MixerDenominations"/>, made on first use.</summary>
    public TimeRing MixerDenominationRing() => MixerDenominations ??= TakeOrCreate(ref _spareMixerDenominations);

    /// <summary>
    /// Makes this state, which the engine no longer holds (evicted, or found idle beyond the account idle limit), the state
    /// of an account seen now for the first time, as if newly made: every member as the constructor leaves it, except
    /// <see cref="TrackedState.Dirty"/>, which says whether the engine's list of changed states holds this object. Customers
    /// who stop using a platform are replaced by new ones, so reusing their states keeps that churn off the heap.
    /// </summary>
    public AccountState Reuse(string platform, string account, DateTimeOffset lastSeen)
    {
        Platform = platform;
        Account = account;
        LastSeen = lastSeen;
        Withdrawals = default;
        _spareNearThreshold = NearThreshold ?? _spareNearThreshold;
        _spareMixerDenominations = MixerDenominations ?? _spareMixerDenominations;
        NearThreshold = null;
        MixerDenominations = null;
        StructuringEpisode = null;
        MixerDenominationEpisode = null;
        return this;
    }

    private static TimeRing TakeOrCreate(ref TimeRing? spare)
    {
        var ring = spare;
        spare = null;
        // A ring restored from an older snapshot may have another size.
        return ring is { Capacity: RingSize } ? ring.Clear() : new TimeRing(RingSize);
    }
}
