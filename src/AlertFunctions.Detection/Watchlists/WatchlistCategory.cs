namespace AlertFunctions.Detection.Watchlists;

/// <summary>
/// Watchlist categories and the rule each one drives. <c>sanctioned</c> (OFAC SDN and similar) and <c>attributed</c>
/// (law-enforcement attribution, e.g. FBI DPRK notices) and <c>exploiter</c> raise <c>sanctioned-destination</c>;
/// <c>mixer</c> raises <c>mixer-usage</c>; <c>internal</c> marks the platform's own wallets (transfers there are
/// rebalancing, not withdrawals); <c>exchange</c> and <c>bridge</c> are known services that are shown as context but raise
/// nothing by themselves. A watchlist row with any other category is refused: a typo of <c>sanctioned</c> would otherwise
/// load as context and quietly turn that address's sanctions matching off.
/// </summary>
public static class WatchlistCategory
{
    public const string Mixer = "mixer";
    public const string Sanctioned = "sanctioned";
    public const string Attributed = "attributed";
    public const string Exploiter = "exploiter";
    public const string Bridge = "bridge";
    public const string Exchange = "exchange";
    public const string Internal = "internal";

    /// <summary>Every category a watchlist row may have, in the order error messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Attributed, Bridge, Exchange, Exploiter, Internal, Mixer, Sanctioned];

    public static bool IsSanctionLike(string category) =>
        category is Sanctioned or Attributed or Exploiter;
}
