namespace AlertFunctions.Detection.Watchlists;

/// <summary>
/// Compares blockchain addresses the way the chains do. Hex addresses (<c>0x…</c>, EVM and Tron-hex) and bech32 addresses
/// (<c>bc1…</c>, <c>ltc1…</c>, …) are case-insensitive, so EIP-55 checksummed and lower-case forms are equal; base58 and
/// every other form are case-sensitive and compared ordinally. Hash codes follow the same rule, so the comparer is safe
/// for dictionaries. Allocation-free.
/// </summary>
public sealed class AddressComparer : IEqualityComparer<string>
{
    public static AddressComparer Instance { get; } = new();

    public static bool IsCaseInsensitiveForm(string address)
    {
        if (address.Length > 2 && address[0] == '0' && (address[1] == 'x' || address[1] == 'X'))
        {
            return true;
        }

        // bech32: human-readable part, the separator '1', then data; a mixed-case bech32 string is invalid anyway.
        var separator = address.LastIndexOf('1');
        return separator is > 0 and <= 83 && address.Length - separator >= 7 && IsBech32Prefix(address.AsSpan(0, separator));
    }

    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        return IsCaseInsensitiveForm(x)
            ? string.Equals(x, y, StringComparison.OrdinalIgnoreCase)
            : string.Equals(x, y, StringComparison.Ordinal);
    }

    public int GetHashCode(string obj) => IsCaseInsensitiveForm(obj)
        ? StringComparer.OrdinalIgnoreCase.GetHashCode(obj)
        : StringComparer.Ordinal.GetHashCode(obj);

    /// <summary>The canonical spelling used in stored keys and alert ids: lower case where case does not matter.</summary>
    public static string Canonical(string address) => IsCaseInsensitiveForm(address) ? address.ToLowerInvariant() : address;

    private static readonly string[] Bech32Prefixes = ["bc", "tb", "ltc", "bcrt", "tltc", "bnb", "cosmos", "osmo", "addr"];

    // Either case, so equality and hashing stay symmetric for all-upper-case bech32 (valid, e.g. in QR codes).
    private static bool IsBech32Prefix(ReadOnlySpan<char> hrp)
    {
        foreach (var prefix in Bech32Prefixes)
        {
            if (hrp.Equals(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
