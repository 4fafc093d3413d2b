using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Allocation-free key of a wallet/asset within one platform: the wallet compares as an address (its hash computed once
/// per event, see <see cref="AddressKey"/>), the asset ordinally.
/// </summary>
internal readonly struct WalletKey(AddressKey wallet, string asset) : IEquatable<WalletKey>
{
    public AddressKey Wallet { get; } = wallet;

    public string Asset { get; } = asset;

    public bool Equals(WalletKey other) => Wallet.Equals(other.Wallet) && string.Equals(Asset, other.Asset, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is WalletKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Wallet.GetHashCode(), Asset.GetHashCode(StringComparison.Ordinal));
}
