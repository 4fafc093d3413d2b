using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Persisted key spelling: a kind letter, then the parts joined by a unit separator (U+001F) that cannot appear in
/// identifiers or addresses. Addresses are canonical (lower case where case does not matter), so checksummed and
/// lower-case spellings of one address share one state.
/// </summary>
internal static class StateKeys
{
    public const char Separator = '\u001f';

    public static string Wallet(string platform, string wallet, string asset) => string.Join(Separator, "w", platform, AddressComparer.Canonical(wallet), asset);

    public static string Destination(string platform, string address) => string.Join(Separator, "d", platform, AddressComparer.Canonical(address));

    public static string Account(string platform, string account) => string.Join(Separator, "a", platform, account);

    public static string Platform(string platform) => string.Join(Separator, "p", platform);
}
