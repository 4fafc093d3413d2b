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

    public AccountState(string platform, string account)
    {
        Platform = platform;
        Account = account;
    }

    public string Platform { get; }

    public string Account { get; }

    /// <summary>Every withdrawal's time, the latest <see cref="RecentTimes.Capacity"/>: what share of them were near the threshold.</summary>
    // A field, not a property: the value is updated in place.
    public RecentTimes Withdrawals;

    public TimeRing? NearThreshold { get; set; }

    public TimeRing? MixerDenominations { get; set; }

    public AlertEpisode? StructuringEpisode { get; set; }

    public AlertEpisode? MixerDenominationEpisode { get; set; }

    public override string StateKey => StateKeys.Account(Platform, Account);
}
