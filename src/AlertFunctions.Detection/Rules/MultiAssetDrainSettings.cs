namespace AlertFunctions.Detection.Rules;

/// <summary>
/// <c>multi-asset-drain</c>, per platform: within <see cref="WindowMinutes"/>, at least <see cref="MinKeys"/> distinct
/// wallet/asset pairs each show drain-like outflow (≥ <see cref="KeyMinUsd"/> in the rapid-drain window and either a balance
/// drop ≥ <see cref="KeyBalanceDropFraction"/>, or warm baseline with outflow ≥ <see cref="KeyBaselineMultiple"/> × normal and
/// mean size ≥ rapid-drain's mean-size multiple, or a key without any baseline that moved ≥ <see cref="ColdKeyMinUsd"/> in
/// withdrawals averaging ≥ rapid-drain's cold-start mean, each test made without the window's largest withdrawal; or a
/// single withdrawal of ≥ <see cref="ColdKeyMinUsd"/> (and ≥ <see cref="KeyBaselineMultiple"/> × normal; on a DeFi platform or bridge also
/// ≥ <see cref="KeyBaselineMultiple"/> × the pair's largest routine withdrawal) to a new address,
/// or, on an exchange whose customers' withdrawals carry accounts, a single transfer without one of at least rapid-drain's
/// leg minimum and large-leg multiple of the usual size to a new address, from a pair that has learned it makes none),
/// together ≥ <see cref="MinUsd"/>; or one destination first seen inside the window receives ≥ <see cref="SameDestinationMinAssets"/>
/// distinct assets worth ≥ <see cref="SameDestinationMinUsd"/>; or, on an exchange whose customers' withdrawals carry accounts, one
/// destination first seen inside the window (or paid only dust before) receives transfers without an account from
/// ≥ <see cref="SameDestinationMinWallets"/> distinct wallets worth ≥ <see cref="SameDestinationMinUsd"/> within
/// <see cref="SameDestinationWalletsMinutes"/> of the first (many small wallets emptied by one key, each under every
/// per-wallet floor) — the signature of a compromised hot-wallet key.
/// </summary>
public sealed record MultiAssetDrainSettings
{
    public bool Enabled { get; init; } = true;
    public int WindowMinutes { get; init; } = 30;
    public int MinKeys { get; init; } = 3;
    public decimal MinUsd { get; init; } = 500_000m;
    public decimal KeyMinUsd { get; init; } = 50_000m;
    public decimal ColdKeyMinUsd { get; init; } = 250_000m;
    public double KeyBalanceDropFraction { get; init; } = 0.3;
    public double KeyBaselineMultiple { get; init; } = 5;
    public int SameDestinationMinAssets { get; init; } = 3;
    public decimal SameDestinationMinUsd { get; init; } = 1_000_000m;
    public int SameDestinationMinWallets { get; init; } = 10;
    public int SameDestinationWalletsMinutes { get; init; } = 60;

    internal IEnumerable<string> Validate()
    {
        if (WindowMinutes is < 1 or > 360) yield return $"multiAssetDrain.windowMinutes must be between 1 and 360, was {WindowMinutes}";
        if (MinKeys is < 2 or > 32) yield return $"multiAssetDrain.minKeys must be between 2 and 32, was {MinKeys}";
        if (MinUsd <= 0) yield return $"multiAssetDrain.minUsd must be greater than 0, was {MinUsd}";
        if (KeyMinUsd <= 0) yield return $"multiAssetDrain.keyMinUsd must be greater than 0, was {KeyMinUsd}";
        if (ColdKeyMinUsd < KeyMinUsd) yield return $"multiAssetDrain.coldKeyMinUsd must be at least keyMinUsd ({KeyMinUsd}), was {ColdKeyMinUsd}";
        if (KeyBalanceDropFraction is <= 0 or > 1) yield return $"multiAssetDrain.keyBalanceDropFraction must be in (0, 1], was {KeyBalanceDropFraction}";
        if (KeyBaselineMultiple < 1) yield return $"multiAssetDrain.keyBaselineMultiple must be at least 1, was {KeyBaselineMultiple}";
        if (SameDestinationMinAssets is < 2 or > 8) yield return $"multiAssetDrain.sameDestinationMinAssets must be between 2 and 8, was {SameDestinationMinAssets}";
        if (SameDestinationMinWallets is < 2 or > Engine.KeyTransferSources.MaxWallets)
            yield return $"multiAssetDrain.sameDestinationMinWallets must be between 2 and {Engine.KeyTransferSources.MaxWallets}, was {SameDestinationMinWallets}";
        if (SameDestinationWalletsMinutes is < 1 or > 360) yield return $"multiAssetDrain.sameDestinationWalletsMinutes must be between 1 and 360, was {SameDestinationWalletsMinutes}";
        if (SameDestinationMinUsd <= 0) yield return $"multiAssetDrain.sameDestinationMinUsd must be greater than 0, was {SameDestinationMinUsd}";
        var usd = SettingBounds.Usd(
            ("multiAssetDrain.minUsd", MinUsd), ("multiAssetDrain.keyMinUsd", KeyMinUsd), ("multiAssetDrain.coldKeyMinUsd", ColdKeyMinUsd), ("multiAssetDrain.sameDestinationMinUsd", SameDestinationMinUsd));
        foreach (var problem in usd.Concat(SettingBounds.Multiples(("multiAssetDrain.keyBaselineMultiple", KeyBaselineMultiple))))
        {
            yield return problem;
        }
    }
}
