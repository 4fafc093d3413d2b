using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// One platform as a whole: the source wallets it has used (a transfer to one of them is rebalancing, not a withdrawal),
/// the wallet/asset pairs that recently looked drained (multi-asset drain), and that rule's open episode.
/// </summary>
internal sealed class PlatformState : TrackedState
{
    public const int MaxDrainingKeys = 32;

    public PlatformState(string platform)
    {
        Platform = platform;
    }

    public string Platform { get; }

    public RecentWallets OwnWallets { get; } = new();

    /// <summary>
    /// Whether any of the platform's withdrawals carried an account: only then does a withdrawal without one stand out as a
    /// transfer made with a platform wallet's own key (<see cref="IsKeyTransfer"/>). Saved with the platform (snapshot version 9).
    /// </summary>
    public bool SendsAccounts { get; set; }

    /// <summary>
    /// A transfer made with the wallet's key rather than a customer's withdrawal: no account, on an exchange whose customers'
    /// withdrawals carry one. On DeFi platforms and bridges the account is the initiating address, so its absence says nothing.
    /// </summary>
    public bool IsKeyTransfer(in WithdrawalEvent e) => e.PlatformType == PlatformType.Exchange && e.AccountId is null && SendsAccounts;

    /// <summary>Wallet/asset state keys that looked drained, with when and how much; a fixed ring, oldest replaced first.</summary>
    public DrainingKey[] DrainingKeys { get; } = new DrainingKey[MaxDrainingKeys];

    public AlertEpisode? MultiAssetEpisode { get; set; }

    /// <summary>The platform's recent event ids while it is live in an engine: a snapshot keeps the latest of them.</summary>
    internal RecentEventIds? EventIds { get; set; }

    /// <summary>The fingerprints a snapshot kept, oldest first, until the engine adopts this state (see <see cref="PlatformTables.Adopt"/>).</summary>
    internal IReadOnlyList<UInt128> RestoredEventIds { get; set; } = [];

    /// <summary>
    /// Open <c>large-withdrawal</c> and <c>rapid-drain</c> episodes per source wallet. Per wallet, not per wallet/asset, so a
    /// compromised hot wallet emptied asset by asset is one growing alert (asset <c>*</c>), not one alert per token.
    /// </summary>
    public Dictionary<string, AlertEpisode> LargeWithdrawalEpisodes { get; } = new(AddressComparer.Instance);

    public Dictionary<string, AlertEpisode> RapidDrainEpisodes { get; } = new(AddressComparer.Instance);

    public override string StateKey => StateKeys.Platform(Platform);

    /// <summary>
    /// A drained pair's slot holds <paramref name="pair"/>, remembered between <paramref name="from"/> and
    /// <paramref name="to"/> (both included). Allocation-free; reads the few remembered pairs.
    /// </summary>
    internal bool HoldsDrainedPair(WalletAssetState pair, DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var key in DrainingKeys)
        {
            if (key.Time >= from && key.Time <= to && key.IsPairOf(pair))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="Evidence">
    /// The pair's largest recent withdrawals, named in the platform's alert. A reference, not a copy (no allocation per
    /// event while a pair looks drained), and not kept in snapshots: a key restored after a restart still counts, without it.
    /// </param>
    /// <param name="Leg">
    /// For a pair counted by a withdrawal nothing valued (<see cref="RuleEvaluators.UnvaluedDrainLegs"/>), that withdrawal in
    /// units and why it counted; such a pair's <paramref name="WindowUsd"/> is 0, as no other drained pair's is.
    /// </param>
    internal record struct DrainingKey(string? Wallet, string? Asset, DateTimeOffset Time, decimal WindowUsd, WindowEvidence? Evidence = null, UnvaluedLeg? Leg = null)
    {
        /// <summary>Counted by a withdrawal nothing valued in USD: judged in units. A restored key keeps this (its USD is 0).</summary>
        public readonly bool IsUnvalued => Wallet is not null && WindowUsd == 0m;

        /// <summary>This slot holds <paramref name="pair"/> (an empty slot holds none).</summary>
        public readonly bool IsPairOf(WalletAssetState pair) =>
            Wallet is not null && AddressComparer.Instance.Equals(Wallet, pair.Wallet) && string.Equals(Asset, pair.Asset, StringComparison.Ordinal);
    }
}
