namespace AlertFunctions.Detection.Rules;

/// <summary>All rule settings in force for one platform and asset, after defaults and overrides are merged.</summary>
public sealed record RuleSet
{
    public LargeWithdrawalSettings LargeWithdrawal { get; init; } = new();
    public RapidDrainSettings RapidDrain { get; init; } = new();
    public MultiAssetDrainSettings MultiAssetDrain { get; init; } = new();
    public MixerUsageSettings MixerUsage { get; init; } = new();
    public SanctionedDestinationSettings SanctionedDestination { get; init; } = new();
    public StructuringSettings Structuring { get; init; } = new();
    public DestinationFanInSettings DestinationFanIn { get; init; } = new();
    public BaselineSettings Baseline { get; init; } = new();

    public IEnumerable<string> Validate() =>
        LargeWithdrawal.Validate()
            .Concat(RapidDrain.Validate())
            .Concat(MultiAssetDrain.Validate())
            .Concat(MixerUsage.Validate())
            .Concat(SanctionedDestination.Validate())
            .Concat(Structuring.Validate())
            .Concat(DestinationFanIn.Validate())
            .Concat(Baseline.Validate());
}
