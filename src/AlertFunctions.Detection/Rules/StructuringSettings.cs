namespace AlertFunctions.Detection.Rules;

/// <summary>
/// <c>structuring</c>: one account makes at least <see cref="MinCount"/> withdrawals within <see cref="WindowHours"/>, each
/// in [<see cref="ThresholdUsd"/> × (1 − <see cref="BandFraction"/>), <see cref="ThresholdUsd"/>): just under the approval or
/// reporting threshold, and they are at least <see cref="MinShare"/> of the account's withdrawals in that time. Needs
/// <c>accountId</c>.
/// </summary>
public sealed record StructuringSettings
{
    public bool Enabled { get; init; } = true;
    public decimal ThresholdUsd { get; init; } = 10_000m;
    public decimal BandFraction { get; init; } = 0.1m;
    public int MinCount { get; init; } = 3;
    public int WindowHours { get; init; } = 24;

    /// <summary>
    /// Evasion shows as a habit: most of what the account withdraws sits just under the threshold. An account that
    /// withdraws often at varied sizes lands in the band by chance (on a day when customers pull everything out, dozens of
    /// them did), so the band must hold at least this share of its withdrawals in the window.
    /// </summary>
    public decimal MinShare { get; init; } = 0.6m;

    internal IEnumerable<string> Validate()
    {
        if (ThresholdUsd <= 0) yield return $"structuring.thresholdUsd must be greater than 0, was {ThresholdUsd}";
        if (BandFraction is <= 0 or >= 1) yield return $"structuring.bandFraction must be in (0, 1), was {BandFraction}";
        if (MinCount is < 2 or > 16) yield return $"structuring.minCount must be between 2 and 16, was {MinCount}";
        if (WindowHours is < 1 or > 168) yield return $"structuring.windowHours must be between 1 and 168, was {WindowHours}";
        if (MinShare is <= 0 or > 1) yield return $"structuring.minShare must be in (0, 1], was {MinShare}";
        foreach (var problem in SettingBounds.Usd(("structuring.thresholdUsd", ThresholdUsd)))
        {
            yield return problem;
        }
    }
}
