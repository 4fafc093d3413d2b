using AlertFunctions.Detection.Rules;
using Xunit;

namespace AlertFunctions.Detection.Tests.Rules;

public sealed class DetectionRulesDefaultTests
{
    private static readonly RuleSet Defaults = DetectionRules.Default.ForPlatform("any-platform");

    [Fact]
    public void Default_EngineWideSettings_AreTheDocumentedDefaults()
    {
        var rules = DetectionRules.Default;

        Assert.Equal(TimeSpan.FromMinutes(5), rules.AllowedLateness);
        Assert.Equal(TimeSpan.FromDays(7), rules.DestinationMemory);
        Assert.False(rules.IsInternalWallet("any-platform", "0x0000000000000000000000000000000000000000"));
    }

    [Fact]
    public void Default_ReferencePrices_AreTheBuiltInPrices()
    {
        var prices = DetectionRules.Default.ReferencePricesUsd;

        Assert.Equal(15, prices.Count);
        Assert.Equal(90_000m, prices["BTC"]);
        Assert.Equal(90_000m, prices["WBTC"]);
        Assert.Equal(3_000m, prices["ETH"]);
        Assert.Equal(3_000m, prices["WETH"]);
        Assert.Equal(3_000m, prices["STETH"]);
        Assert.Equal(1m, prices["USDT"]);
        Assert.Equal(1m, prices["USDC"]);
        Assert.Equal(1m, prices["DAI"]);
        Assert.Equal(600m, prices["BNB"]);
        Assert.Equal(150m, prices["SOL"]);
        Assert.Equal(0.25m, prices["TRX"]);
        Assert.Equal(2m, prices["XRP"]);
        Assert.Equal(0.4m, prices["POL"]);
        Assert.Equal(0.4m, prices["MATIC"]);
        Assert.Equal(80m, prices["LTC"]);
        Assert.Equal(3_000m, prices["eth"]);
    }

    [Fact]
    public void Default_LargeWithdrawal_Ok()
    {
        var s = Defaults.LargeWithdrawal;

        Assert.True(s.Enabled);
        Assert.Equal(1_000_000m, s.MinUsd);
        Assert.Equal(5_000_000m, s.ColdStartMinUsd);
        Assert.Equal(5d, s.BaselineMultiple);
        Assert.Equal(2m, s.KnownDestinationTolerance);
        Assert.Equal(10_000_000m, s.CriticalUsd);
    }

    [Fact]
    public void Default_RapidDrain_Ok()
    {
        var s = Defaults.RapidDrain;

        Assert.True(s.Enabled);
        Assert.Equal(60, s.WindowMinutes);
        Assert.Equal(250_000m, s.MinUsd);
        Assert.Equal(0.5d, s.BalanceDropFraction);
        Assert.Equal(10d, s.BaselineMultiple);
        Assert.Equal(3d, s.MeanSizeMultiple);
        Assert.Equal(30d, s.VolumeOnlyMultiple);
        Assert.Equal(2_000_000m, s.ColdStartMinUsd);
        Assert.Equal(50_000m, s.ColdStartMinMeanUsd);
        Assert.Equal(12, s.LongWindowHours);
        Assert.Equal(1_000_000m, s.LongMinUsd);
        Assert.Equal(0.8d, s.LongBalanceDropFraction);
        Assert.Equal(5d, s.LongBaselineMultiple);
        Assert.Equal(1_000_000m, s.FreshDestinationMinUsd);
        Assert.Equal(3, s.FreshDestinationMinEvents);
        Assert.Equal(10_000_000m, s.CriticalUsd);
        Assert.Equal(10_000_000m, s.LongColdStartMinUsd);
        Assert.Equal(50_000m, s.MinLegUsd);
        Assert.Equal(20d, s.LargeLegMeanMultiple);
        Assert.Equal(3, s.LargeLegsMinCount);
        Assert.Equal(2d, s.LargeLegsVolumeMultiple);
        Assert.Equal(0.3d, s.LargeLegsMinShare);
        Assert.Equal(6, s.LongLargeLegsMinCount);
        Assert.Equal(0.3d, s.LongLargeLegsMinShare);
        Assert.Equal(6d, s.RareLegMeanMultiple);
        Assert.Equal(1e-6, s.RareLegsMaxChance);
    }

    [Fact]
    public void Default_MultiAssetDrain_Ok()
    {
        var s = Defaults.MultiAssetDrain;

        Assert.True(s.Enabled);
        Assert.Equal(30, s.WindowMinutes);
        Assert.Equal(3, s.MinKeys);
        Assert.Equal(500_000m, s.MinUsd);
        Assert.Equal(50_000m, s.KeyMinUsd);
        Assert.Equal(250_000m, s.ColdKeyMinUsd);
        Assert.Equal(0.3d, s.KeyBalanceDropFraction);
        Assert.Equal(5d, s.KeyBaselineMultiple);
        Assert.Equal(3, s.SameDestinationMinAssets);
        Assert.Equal(1_000_000m, s.SameDestinationMinUsd);
        Assert.Equal(10, s.SameDestinationMinWallets);
        Assert.Equal(60, s.SameDestinationWalletsMinutes);
    }

    [Fact]
    public void Default_MixerUsage_Ok()
    {
        var s = Defaults.MixerUsage;

        Assert.True(s.Enabled);
        Assert.Equal(3, s.MinDenominationWithdrawals);
        Assert.Equal(24, s.WindowHours);
        Assert.Equal(6, s.Denominations.Count);
        Assert.Equal([0.1m, 1m, 10m, 100m], s.Denominations["ETH"]);
        Assert.Equal([0.1m, 1m, 10m, 100m], s.Denominations["BNB"]);
        Assert.Equal([100m, 1_000m, 10_000m, 100_000m], s.Denominations["DAI"]);
        Assert.Equal([100m, 1_000m], s.Denominations["USDC"]);
        Assert.Equal([100m, 1_000m], s.Denominations["USDT"]);
        Assert.Equal([0.1m, 1m, 10m], s.Denominations["WBTC"]);
    }

    [Fact]
    public void Default_MixerUsageDenominations_AreKeyedCaseInsensitively()
    {
        Assert.Equal([0.1m, 1m, 10m, 100m], Defaults.MixerUsage.Denominations["eth"]);
        Assert.Equal([0.1m, 1m, 10m], DetectionRules.Default.For("p", "wbtc").MixerUsage.Denominations["Wbtc"]);
    }

    [Fact]
    public void Default_SanctionedDestination_Ok()
    {
        Assert.True(Defaults.SanctionedDestination.Enabled);
    }

    [Fact]
    public void Default_Structuring_Ok()
    {
        var s = Defaults.Structuring;

        Assert.True(s.Enabled);
        Assert.Equal(10_000m, s.ThresholdUsd);
        Assert.Equal(0.1m, s.BandFraction);
        Assert.Equal(3, s.MinCount);
        Assert.Equal(24, s.WindowHours);
    }

    [Fact]
    public void Default_DestinationFanIn_Ok()
    {
        var s = Defaults.DestinationFanIn;

        Assert.True(s.Enabled);
        Assert.Equal(5, s.MinDistinctAccounts);
        Assert.Equal(60, s.WindowMinutes);
        Assert.Equal(24, s.NewForHours);
        Assert.Equal(1_000m, s.MinUsd);
        Assert.Equal(
            ["ripple", "xrp", "stellar", "xlm", "eos", "ton", "cosmos", "atom", "hedera", "hbar", "algorand", "bnb-beacon"],
            s.SharedAddressChains);
    }

    [Fact]
    public void Default_Baseline_Ok()
    {
        var s = Defaults.Baseline;

        Assert.Equal(168, s.HalfLifeHours);
        Assert.Equal(12, s.MinHistoryHours);
        Assert.Equal(20, s.MinEvents);
        Assert.Equal(3, s.ProvisionalHistoryHours);
    }

    [Fact]
    public void Default_IsValid()
    {
        Assert.Empty(Defaults.Validate());
        Assert.Empty(new RuleSet().Validate());
    }

    [Fact]
    public void Default_EveryPlatformAndAsset_GetsTheSameValues()
    {
        var forAsset = DetectionRules.Default.For("northwind-exchange", "USDT");

        Assert.Equal(Defaults.LargeWithdrawal, forAsset.LargeWithdrawal);
        Assert.Equal(Defaults.RapidDrain, forAsset.RapidDrain);
        Assert.Equal(Defaults.MultiAssetDrain, forAsset.MultiAssetDrain);
        Assert.Equal(Defaults.Structuring, forAsset.Structuring);
        Assert.Equal(Defaults.Baseline, forAsset.Baseline);
    }

    [Fact]
    public void For_SamePlatformAndAsset_ReturnsTheCachedInstance()
    {
        Assert.Same(DetectionRules.Default.For("p", "ETH"), DetectionRules.Default.For("p", "ETH"));
    }

    [Fact]
    public void Default_EqualsAFreshRuleSetsScalarSettings()
    {
        var fresh = new RuleSet();

        Assert.Equal(fresh.LargeWithdrawal, Defaults.LargeWithdrawal);
        Assert.Equal(fresh.RapidDrain, Defaults.RapidDrain);
        Assert.Equal(fresh.MultiAssetDrain, Defaults.MultiAssetDrain);
        Assert.Equal(fresh.SanctionedDestination, Defaults.SanctionedDestination);
        Assert.Equal(fresh.Structuring, Defaults.Structuring);
        Assert.Equal(fresh.Baseline, Defaults.Baseline);
    }
}
