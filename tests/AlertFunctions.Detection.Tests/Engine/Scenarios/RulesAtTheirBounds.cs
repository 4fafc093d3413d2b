using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A rules file with every multiple at its upper bound and the floors low, so each rule gets as far as multiplying a learned
/// baseline by a million; a reference price of 10^9 for NEWT. What the engine must survive, not a sensible configuration.
/// </summary>
internal static class RulesAtTheirBounds
{
    public static DetectionRules Rules { get; } = RulesFileLoader.Parse("""
        { "referencePricesUsd": { "NEWT": 1000000000 },
          "defaults": {
            "largeWithdrawal": { "minUsd": 1, "coldStartMinUsd": 1, "baselineMultiple": 1000000, "knownDestinationTolerance": 1000000, "criticalUsd": 1000000000000000,
                                 "mostOfBalanceMinUsd": 1, "mostOfBalanceShare": 1, "mostOfBalanceBaselineMultiple": 1000000 },
            "rapidDrain": { "baselineMultiple": 1000000, "meanSizeMultiple": 1000000, "volumeOnlyMultiple": 1000000, "largeLegMeanMultiple": 1000000,
                            "largeLegsVolumeMultiple": 1000000, "longBaselineMultiple": 1000000, "rareLegMeanMultiple": 1000000, "rareLegsMaxChance": 0.01, "minUsd": 1, "minLegUsd": 0, "coldStartMinMeanUsd": 0,
                            "criticalUsd": 1000000000000000 },
            "multiAssetDrain": { "keyBaselineMultiple": 1000000, "keyMinUsd": 1, "minUsd": 1 },
            "structuring": { "thresholdUsd": 1000000000000000 },
            "destinationFanIn": { "minUsd": 0, "minDistinctAccounts": 2 } } }
        """, "settings at their bounds");
}
