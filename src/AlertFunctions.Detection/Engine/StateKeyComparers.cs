using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>Allocation-free key of a wallet/asset within one platform: the wallet compares as an address, the asset ordinally.</summary>
internal readonly record struct WalletKey(string Wallet, string Asset);

internal sealed class WalletKeyComparer : IEqualityComparer<WalletKey>
{
    public static WalletKeyComparer Instance { get; } = new();

    public bool Equals(WalletKey x, WalletKey y) =>
        string.Equals(x.Asset, y.Asset, StringComparison.Ordinal) && AddressComparer.Instance.Equals(x.Wallet, y.Wallet);

    public int GetHashCode(WalletKey key) =>
        HashCode.Combine(AddressComparer.Instance.GetHashCode(key.Wallet), StringComparer.Ordinal.GetHashCode(key.Asset));
}
