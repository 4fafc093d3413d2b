using System.Globalization;

namespace AlertFunctions.Teams.Cards;

/// <summary>Invariant, culture-free number and time formats, so every card is byte-for-byte reproducible.</summary>
internal static class CardNumbers
{
    public static string Usd(decimal amount) => amount < 0
        ? "-$" + (-amount).ToString("#,##0.00", CultureInfo.InvariantCulture)
        : "$" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// An alert's USD amount. 0 means nothing valued its withdrawals (tokens without a price, judged in asset units), not
    /// that nothing was taken: "$0.00" beside a drain of millions in long-tail tokens would tell the responder it is nothing.
    /// </summary>
    public static string AlertUsd(decimal amount) => amount > 0 ? Usd(amount) : "no USD value";

    public static string Quantity(decimal amount) => amount.ToString("#,##0.########", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Ratio(decimal ratio) => ratio.ToString("#,##0.##", CultureInfo.InvariantCulture) + "×";

    public static string Utc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
