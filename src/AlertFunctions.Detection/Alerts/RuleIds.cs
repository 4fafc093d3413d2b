namespace AlertFunctions.Detection.Alerts;

/// <summary>Rule identifiers. They are part of the public contract: alert rows, Teams cards and the rules file use them.</summary>
public static class RuleIds
{
    public const string LargeWithdrawal = "large-withdrawal";
    public const string RapidDrain = "rapid-drain";
    public const string MultiAssetDrain = "multi-asset-drain";
    public const string MixerUsage = "mixer-usage";
    public const string SanctionedDestination = "sanctioned-destination";
    public const string Structuring = "structuring";
    public const string DestinationFanIn = "destination-fan-in";

    public static IReadOnlyList<string> All { get; } =
    [
        LargeWithdrawal, RapidDrain, MultiAssetDrain, MixerUsage, SanctionedDestination, Structuring, DestinationFanIn,
    ];
}
