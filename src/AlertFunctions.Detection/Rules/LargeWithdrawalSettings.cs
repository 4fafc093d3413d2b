namespace AlertFunctions.Detection.Rules;

/// <summary>
/// <c>large-withdrawal</c>: one withdrawal of at least <see cref="MinUsd"/> that is also at least <see cref="BaselineMultiple"/>
/// times the largest withdrawal this wallet/asset has routinely made (a decayed maximum learned from events older than the
/// long window). Before any baseline exists the floor is <see cref="ColdStartMinUsd"/>, or <see cref="MinUsd"/> when the
/// withdrawal also takes at least half of the wallet's reported balance, or carries no account and comes from a wallet that
/// until then only moved funds to the platform's own wallets (a cold wallet that refills hot ones never builds a history of
/// withdrawals). A withdrawal to a destination that already received at least 1 / <see cref="KnownDestinationTolerance"/>
/// of this amount from the platform is routine (a whale to its usual address).
/// <para>
/// Below <see cref="MinUsd"/>, down to <see cref="MostOfBalanceMinUsd"/>: a withdrawal to a never-paid address of at least
/// <see cref="MostOfBalanceBaselineMultiple"/> times the largest routine withdrawal that takes at least
/// <see cref="MostOfBalanceShare"/> of the reported balance, or, without a balance, is made with the wallet's key (no account,
/// on an exchange whose customers' withdrawals carry one): most of a small venue's hot wallet in one transaction.
/// </para>
/// </summary>
public sealed record LargeWithdrawalSettings
{
    public bool Enabled { get; init; } = true;
    public decimal MinUsd { get; init; } = 1_000_000m;
    public decimal ColdStartMinUsd { get; init; } = 5_000_000m;
    public double BaselineMultiple { get; init; } = 5;
    public decimal KnownDestinationTolerance { get; init; } = 2m;
    public decimal CriticalUsd { get; init; } = 10_000_000m;
    public decimal MostOfBalanceMinUsd { get; init; } = 250_000m;
    public double MostOfBalanceShare { get; init; } = 0.5;
    public double MostOfBalanceBaselineMultiple { get; init; } = 10;

    /// <summary>
    /// The withdrawal pays a destination that already received at least 1 / <see cref="KnownDestinationTolerance"/> of it
    /// from the platform: routine (a whale to its usual address), for this rule and for rapid-drain's legs.
    /// </summary>
    internal bool IsRoutineFor(bool destinationIsNew, decimal destinationPreviousMaxUsd, decimal usd) =>
        !destinationIsNew && usd <= destinationPreviousMaxUsd * KnownDestinationTolerance;

    internal IEnumerable<string> Validate()
    {
        if (MinUsd <= 0) yield return $"largeWithdrawal.minUsd must be greater than 0, was {MinUsd}";
        if (ColdStartMinUsd < MinUsd) yield return $"largeWithdrawal.coldStartMinUsd must be at least minUsd ({MinUsd}), was {ColdStartMinUsd}";
        if (BaselineMultiple < 1) yield return $"largeWithdrawal.baselineMultiple must be at least 1, was {BaselineMultiple}";
        if (KnownDestinationTolerance < 1) yield return $"largeWithdrawal.knownDestinationTolerance must be at least 1, was {KnownDestinationTolerance}";
        if (CriticalUsd < MinUsd) yield return $"largeWithdrawal.criticalUsd must be at least minUsd ({MinUsd}), was {CriticalUsd}";
        if (MostOfBalanceMinUsd <= 0) yield return $"largeWithdrawal.mostOfBalanceMinUsd must be greater than 0, was {MostOfBalanceMinUsd}";
        if (!(MostOfBalanceShare is > 0 and <= 1)) yield return $"largeWithdrawal.mostOfBalanceShare must be greater than 0 and at most 1, was {MostOfBalanceShare}";
        if (MostOfBalanceBaselineMultiple < 1) yield return $"largeWithdrawal.mostOfBalanceBaselineMultiple must be at least 1, was {MostOfBalanceBaselineMultiple}";
        foreach (var problem in SettingBounds.Usd(("largeWithdrawal.minUsd", MinUsd), ("largeWithdrawal.coldStartMinUsd", ColdStartMinUsd), ("largeWithdrawal.criticalUsd", CriticalUsd), ("largeWithdrawal.mostOfBalanceMinUsd", MostOfBalanceMinUsd))
                     .Concat(SettingBounds.Multiples(("largeWithdrawal.baselineMultiple", BaselineMultiple), ("largeWithdrawal.knownDestinationTolerance", (double)KnownDestinationTolerance), ("largeWithdrawal.mostOfBalanceBaselineMultiple", MostOfBalanceBaselineMultiple))))
        {
            yield return problem;
        }
    }
}
