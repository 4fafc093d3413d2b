using System.Text.RegularExpressions;

namespace AlertFunctions.Teams.Cards;

/// <summary>
/// Strict shapes of addresses and transaction hashes. A link is only ever built from a value that matches one of these
/// completely (anchored with \z, so a trailing newline cannot slip through), which leaves nothing for a crafted value to inject.
/// </summary>
internal static partial class ChainPatterns
{
    [GeneratedRegex(@"^0x[0-9a-fA-F]{40}\z", RegexOptions.CultureInvariant)]
    public static partial Regex EvmAddress();

    [GeneratedRegex(@"^0x[0-9a-fA-F]{64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex EvmTransaction();

    /// <summary>Legacy base58 (1…, 3…) or bech32/bech32m (bc1…, one case throughout).</summary>
    [GeneratedRegex(@"^(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{39,59}|BC1[02-9AC-HJ-NP-Z]{39,59})\z", RegexOptions.CultureInvariant)]
    public static partial Regex BitcoinAddress();

    [GeneratedRegex(@"^T[1-9A-HJ-NP-Za-km-z]{33}\z", RegexOptions.CultureInvariant)]
    public static partial Regex TronAddress();

    /// <summary>Bitcoin and Tron transaction ids: 64 hex digits, no prefix.</summary>
    [GeneratedRegex(@"^[0-9a-fA-F]{64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex PlainHexTransaction();
}
