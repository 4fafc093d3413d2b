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

    public HashSet<string> OwnWallets { get; } = new(AddressComparer.Instance);

    /// <summary>Wallet/asset state keys that looked drained, with when and how much; a fixed ring, oldest replaced first.</summary>
    public DrainingKey[] DrainingKeys { get; } = new DrainingKey[MaxDrainingKeys];

    public AlertEpisode? MultiAssetEpisode { get; set; }

    public override string StateKey => StateKeys.Platform(Platform);

    internal record struct DrainingKey(string? Wallet, string? Asset, DateTimeOffset Time, decimal WindowUsd);
}
