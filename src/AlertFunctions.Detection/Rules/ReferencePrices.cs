namespace AlertFunctions.Detection.Rules;

/// <summary>
/// Fallback USD prices for events without <c>amountUsd</c>. Approximate (late 2026) and only good enough to order
/// magnitudes: producers should send <c>amountUsd</c>, and operators can override any price in the rules file.
/// </summary>
public static class ReferencePrices
{
    public static IReadOnlyDictionary<string, decimal> Defaults { get; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["BTC"] = 90_000m,
        ["WBTC"] = 90_000m,
        ["ETH"] = 3_000m,
        ["WETH"] = 3_000m,
        ["STETH"] = 3_000m,
        ["USDT"] = 1m,
        ["USDC"] = 1m,
        ["DAI"] = 1m,
        ["BNB"] = 600m,
        ["SOL"] = 150m,
        ["TRX"] = 0.25m,
        ["XRP"] = 2m,
        ["POL"] = 0.4m,
        ["MATIC"] = 0.4m,
        ["LTC"] = 80m,
    };
}
