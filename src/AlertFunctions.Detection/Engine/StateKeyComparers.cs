using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>Allocation-free dictionary keys: platform and identifiers compare ordinally, addresses by <see cref="AddressComparer"/>.</summary>
internal readonly record struct WalletKey(string Platform, string Wallet, string Asset);

internal readonly record struct PartyKey(string Platform, string Id);

internal sealed class WalletKeyComparer : IEqualityComparer<WalletKey>
{
    public static WalletKeyComparer Instance { get; } = new();

    public bool Equals(WalletKey x, WalletKey y) =>
        string.Equals(x.Platform, y.Platform, StringComparison.Ordinal)
        && string.Equals(x.Asset, y.Asset, StringComparison.Ordinal)
        && AddressComparer.Instance.Equals(x.Wallet, y.Wallet);

    public int GetHashCode(WalletKey key) =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(key.Platform), AddressComparer.Instance.GetHashCode(key.Wallet), StringComparer.Ordinal.GetHashCode(key.Asset));
}

/// <summary>Compares (platform, id) keys; the id compares as an address or ordinally, as constructed.</summary>
internal sealed class PartyKeyComparer(IEqualityComparer<string> idComparer) : IEqualityComparer<PartyKey>
{
    public static PartyKeyComparer Addresses { get; } = new(AddressComparer.Instance);

    public static PartyKeyComparer Ordinal { get; } = new(StringComparer.Ordinal);

    public bool Equals(PartyKey x, PartyKey y) =>
        string.Equals(x.Platform, y.Platform, StringComparison.Ordinal) && idComparer.Equals(x.Id, y.Id);

    public int GetHashCode(PartyKey key) => HashCode.Combine(StringComparer.Ordinal.GetHashCode(key.Platform), idComparer.GetHashCode(key.Id));
}
