namespace AlertFunctions.Teams.Cards;

/// <summary>Markdown for an address or transaction hash: an explorer link when the chain is known and the value is well-formed, escaped text otherwise.</summary>
internal static class EvidenceText
{
    public static string Address(string chain, string address, int maxLength) =>
        Render(address, BlockExplorers.For(chain)?.AddressUrl(address), maxLength);

    public static string Transaction(string chain, string hash, int maxLength) =>
        Render(hash, BlockExplorers.For(chain)?.TransactionUrl(hash), maxLength);

    private static string Render(string value, Uri? url, int maxLength)
    {
        var text = CardText.Escape(value, maxLength);
        return url is null ? text : $"[{text}]({url.AbsoluteUri})";
    }
}
