namespace AlertFunctions.Detection.Rules;

/// <summary>
/// <c>mixer-usage</c>: the destination is a watchlisted mixer (always), or one account makes at least
/// <see cref="MinDenominationWithdrawals"/> withdrawals of an exact mixer denomination (<see cref="Denominations"/>, per asset)
/// to destinations it never used before, within <see cref="WindowHours"/> (mixer deposits must match a pool's denomination).
/// Needs <c>accountId</c>; without it only the watchlist part applies.
/// </summary>
public sealed record MixerUsageSettings
{
    public bool Enabled { get; init; } = true;
    public int MinDenominationWithdrawals { get; init; } = 3;
    public int WindowHours { get; init; } = 24;

    /// <summary>Pool sizes of Tornado Cash and its forks, per asset symbol (upper case).</summary>
    public IReadOnlyDictionary<string, decimal[]> Denominations { get; init; } = new Dictionary<string, decimal[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["ETH"] = [0.1m, 1m, 10m, 100m],
        ["BNB"] = [0.1m, 1m, 10m, 100m],
        ["DAI"] = [100m, 1_000m, 10_000m, 100_000m],
        ["USDC"] = [100m, 1_000m],
        ["USDT"] = [100m, 1_000m],
        ["WBTC"] = [0.1m, 1m, 10m],
    };

    internal IEnumerable<string> Validate()
    {
        if (MinDenominationWithdrawals is < 2 or > 16) yield return $"mixerUsage.minDenominationWithdrawals must be between 2 and 16, was {MinDenominationWithdrawals}";
        if (WindowHours is < 1 or > 168) yield return $"mixerUsage.windowHours must be between 1 and 168, was {WindowHours}";
        if (Denominations is null)
        {
            yield return "mixerUsage.denominations must be an object of asset → amounts";
            yield break;
        }

        foreach (var (asset, values) in Denominations)
        {
            if (values is null || values.Length == 0 || values.Any(v => v <= 0)) yield return $"mixerUsage.denominations.{asset} must list positive amounts";
        }
    }
}
