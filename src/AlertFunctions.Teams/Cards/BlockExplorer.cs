using System.Text.RegularExpressions;

namespace AlertFunctions.Teams.Cards;

/// <summary>One chain's explorer: where address and transaction pages live, and which values are valid enough to link.</summary>
internal sealed record BlockExplorer(string AddressUrlPrefix, string TransactionUrlPrefix, Regex AddressPattern, Regex TransactionPattern)
{
    public Uri? AddressUrl(string address) => Link(AddressUrlPrefix, AddressPattern, address);

    public Uri? TransactionUrl(string hash) => Link(TransactionUrlPrefix, TransactionPattern, hash);

    private static Uri? Link(string prefix, Regex pattern, string value) =>
        pattern.IsMatch(value) ? new Uri(prefix + Uri.EscapeDataString(value), UriKind.Absolute) : null;
}
