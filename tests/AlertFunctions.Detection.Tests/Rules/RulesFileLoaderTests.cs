using AlertFunctions.Detection.Rules;
using Xunit;

namespace AlertFunctions.Detection.Tests.Rules;

public sealed class RulesFileLoaderTests
{
    private const string Origin = "config/rules.json";
    private const string Eip55 = "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc";
    private const string Base58 = "3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG";

    private const string LayeredFile = """
        {
          "defaults":  { "rapidDrain": { "minUsd": 1 } },
          "assets":    { "ETH": { "rapidDrain": { "minUsd": 2 } } },
          "platforms": {
            "northwind": {
              "rules":  { "rapidDrain": { "minUsd": 3 } },
              "assets": { "ETH": { "rapidDrain": { "minUsd": 4 } } }
            }
          }
        }
        """;

    [Theory]
    [InlineData("contoso", "BTC", 1)]
    [InlineData("contoso", "ETH", 2)]
    [InlineData("northwind", "BTC", 3)]
    [InlineData("northwind", "ETH", 4)]
    public void Parse_Overrides_LaterLayersWin(string platform, string asset, decimal expectedMinUsd)
    {
        var rules = RulesFileLoader.Parse(LayeredFile, Origin);

        Assert.Equal(expectedMinUsd, rules.For(platform, asset).RapidDrain.MinUsd);
    }

    [Fact]
    public void Parse_Overrides_MergeMemberByMemberKeepingOtherDefaults()
    {
        var rules = RulesFileLoader.Parse(LayeredFile, Origin).For("northwind", "ETH");

        Assert.Equal(new RapidDrainSettings() with { MinUsd = 4 }, rules.RapidDrain);
        Assert.Equal(new LargeWithdrawalSettings(), rules.LargeWithdrawal);
    }

    [Fact]
    public void Parse_AssetKeys_AreMatchedCaseInsensitively()
    {
        var rules = RulesFileLoader.Parse(LayeredFile, Origin);

        Assert.Equal(4m, rules.For("northwind", "eth").RapidDrain.MinUsd);
        Assert.Equal(2m, rules.For("contoso", "Eth").RapidDrain.MinUsd);
    }

    [Fact]
    public void Parse_PlatformIds_AreMatchedOrdinally()
    {
        var rules = RulesFileLoader.Parse(LayeredFile, Origin);

        Assert.Equal(1m, rules.For("Northwind", "BTC").RapidDrain.MinUsd);
    }

    [Fact]
    public void ForPlatform_UsesPlatformRulesWithoutAssetOverrides()
    {
        var rules = RulesFileLoader.Parse(LayeredFile, Origin);

        Assert.Equal(3m, rules.ForPlatform("northwind").RapidDrain.MinUsd);
        Assert.Equal(1m, rules.ForPlatform("contoso").RapidDrain.MinUsd);
    }

    [Fact]
    public void Parse_CommentsTrailingCommasSchemaAndDescription_AreAccepted()
    {
        const string json = """
            {
              "$schema": "./rules.schema.json",
              "description": "tuned for northwind", // why we tuned
              "defaults": { "structuring": { "minCount": 4, }, },
            }
            """;

        Assert.Equal(4, RulesFileLoader.Parse(json, Origin).ForPlatform("p").Structuring.MinCount);
    }

    [Fact]
    public void Parse_DisabledRule_IsDisabled()
    {
        var rules = RulesFileLoader.Parse("""{"platforms":{"dex":{"rules":{"structuring":{"enabled":false}}}}}""", Origin);

        Assert.False(rules.ForPlatform("dex").Structuring.Enabled);
        Assert.True(rules.ForPlatform("cex").Structuring.Enabled);
    }

    [Fact]
    public void Parse_ArraysReplaceInsteadOfMerging()
    {
        var rules = RulesFileLoader.Parse("""{"defaults":{"destinationFanIn":{"sharedAddressChains":["ripple"]},"mixerUsage":{"denominations":{"ETH":[1]}}}}""", Origin).ForPlatform("p");

        Assert.Equal(["ripple"], rules.DestinationFanIn.SharedAddressChains);
        Assert.Equal([1m], rules.MixerUsage.Denominations["ETH"]);
        Assert.Equal([0.1m, 1m, 10m, 100m], rules.MixerUsage.Denominations["BNB"]);
    }

    [Fact]
    public void Parse_UnknownTopLevelProperty_NamesIt()
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("""{"defualts":{}}""", Origin));

        Assert.Equal(
            Expected("line 1: unknown property 'defualts' (expected one of $schema, allowedLatenessSeconds, assets, defaults, description, destinationMemoryDays, platforms, referencePricesUsd)"),
            ex.Message);
    }

    [Fact]
    public void Parse_UnknownRuleProperty_NamesIt()
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("""{"defaults":{"largeWithdrawal":{"minUSD":5}}}""", Origin));

        Assert.Equal(
            Expected("line 1: unknown setting 'minUSD' in defaults.largeWithdrawal (did you mean 'minUsd'?)"),
            ex.Message);
    }

    [Fact]
    public void Parse_UnknownRuleName_NamesIt()
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("""{"defaults":{"rapidDrian":{}}}""", Origin));

        Assert.Equal(
            Expected("line 1: unknown rule 'rapidDrian' in defaults (expected one of baseline, destinationFanIn, largeWithdrawal, mixerUsage, multiAssetDrain, rapidDrain, sanctionedDestination, structuring)"),
            ex.Message);
    }

    [Fact]
    public void Parse_UnknownPropertyInPlatformAssetOverride_NamesPlatformAndAsset()
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("""{"platforms":{"northwind":{"assets":{"ETH":{"rapidDrain":{"windowMinuts":30}}}}}}""", Origin));

        Assert.Equal(Expected("line 1: unknown setting 'windowMinuts' in platforms.northwind.assets.ETH.rapidDrain"), ex.Message);
    }

    [Fact]
    public void Parse_UnknownSettingsInEveryLayer_AreAllListedWithTheirLines()
    {
        const string json = """
            {
              "defaults": { "rapidDrain": { "bogusKey": 1 } },
              "assets": { "USDT": { "largeWithdrawal": { "minUsdt": 5 } } },
              "platforms": {
                "northwind": {
                  "rules": { "structuring": { "enabeld": false } }
                }
              }
            }
            """;

        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(
            Expected(
                "line 2: unknown setting 'bogusKey' in defaults.rapidDrain",
                "line 3: unknown setting 'minUsdt' in assets.USDT.largeWithdrawal",
                "line 6: unknown setting 'enabeld' in platforms.northwind.rules.structuring"),
            ex.Message);
    }

    [Fact]
    public void Parse_ProblemsAtEveryLevel_AreAllListedTogether()
    {
        const string json = """
            {
              "defaults": {
                "rapidDrain": { "minUsd": -5, "bogusKey": 1 },
                "largeWithdrawal": { "minUsd": -1 }
              },
              "unknownTop": 1,
              "allowedLatenessSeconds": -1
            }
            """;

        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(
            Expected(
                "line 6: unknown property 'unknownTop' (expected one of $schema, allowedLatenessSeconds, assets, defaults, description, destinationMemoryDays, platforms, referencePricesUsd)",
                "line 7: 'allowedLatenessSeconds' must be a whole number from 0 to 3600, was -1",
                "line 3: unknown setting 'bogusKey' in defaults.rapidDrain",
                "largeWithdrawal.minUsd must be greater than 0, was -1 (platform '*', asset '*')",
                "rapidDrain.minUsd must be greater than 0, was -5 (platform '*', asset '*')"),
            ex.Message);
    }

    [Fact]
    public void Parse_UnknownPlatformProperty_NamesIt()
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("""{"platforms":{"northwind":{"internalWalets":[]}}}""", Origin));

        Assert.Equal(Expected("line 1: unknown property 'internalWalets' in platforms.northwind (expected one of assets, description, internalWallets, rules)"), ex.Message);
    }

    [Fact]
    public void Parse_WrongValueType_NamesItsLineAndPathInTheFile()
    {
        const string json = """
            {
              "description": "tuned for northwind",
              "defaults": {
                "rapidDrain": { "minUsd": "abc" }
              }
            }
            """;

        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(Expected("line 4: defaults.rapidDrain.minUsd must be a number, was \"abc\""), ex.Message);
    }

    [Theory]
    [InlineData("""{"defaults":{"rapidDrain":{"windowMinutes":"abc"}}}""", "defaults.rapidDrain.windowMinutes must be a whole number, was \"abc\"")]
    [InlineData("""{"defaults":{"rapidDrain":{"windowMinutes":1.5}}}""", "defaults.rapidDrain.windowMinutes must be a whole number, was 1.5")]
    [InlineData("""{"defaults":{"rapidDrain":{"windowMinutes":1e10}}}""", "defaults.rapidDrain.windowMinutes is far out of range, was 1e10")]
    [InlineData("""{"defaults":{"rapidDrain":{"enabled":"false"}}}""", "defaults.rapidDrain.enabled must be true or false, was \"false\"")]
    [InlineData("""{"defaults":{"rapidDrain":{"minUsd":null}}}""", "defaults.rapidDrain.minUsd must be a number, was null")]
    [InlineData("""{"defaults":{"rapidDrain":{"balanceDropFraction":{}}}}""", "defaults.rapidDrain.balanceDropFraction must be a number, was an object")]
    [InlineData("""{"defaults":{"rapidDrain":{"minUsd":1e30}}}""", "defaults.rapidDrain.minUsd must be at most 10^15, was 1e30")]
    [InlineData("""{"defaults":{"rapidDrain":{"minUsd":-1e30}}}""", "defaults.rapidDrain.minUsd is far out of range, was -1e30")]
    [InlineData("""{"defaults":{"structuring":{"bandFraction":1e30}}}""", "defaults.structuring.bandFraction is far out of range, was 1e30")]
    [InlineData("""{"defaults":{"rapidDrain":{"rareLegsMaxChance":1e400}}}""", "defaults.rapidDrain.rareLegsMaxChance is far out of range, was 1e400")]
    [InlineData("""{"defaults":{"rapidDrain":null}}""", "defaults.rapidDrain must be an object, was null")]
    [InlineData("""{"defaults":{"rapidDrain":5}}""", "defaults.rapidDrain must be an object, was 5")]
    [InlineData("""{"assets":{"ETH":{"largeWithdrawal":null}}}""", "assets.ETH.largeWithdrawal must be an object, was null")]
    [InlineData("""{"platforms":{"p1":{"rules":{"baseline":null}}}}""", "platforms.p1.rules.baseline must be an object, was null")]
    [InlineData("""{"platforms":{"p1":{"assets":{"ETH":{"structuring":null}}}}}""", "platforms.p1.assets.ETH.structuring must be an object, was null")]
    [InlineData("""{"defaults":{"destinationFanIn":{"sharedAddressChains":null}}}""", "defaults.destinationFanIn.sharedAddressChains must be an array, was null")]
    [InlineData("""{"defaults":{"destinationFanIn":{"sharedAddressChains":["ripple",5]}}}""", "defaults.destinationFanIn.sharedAddressChains[1] must be a string, was 5")]
    [InlineData("""{"defaults":{"mixerUsage":{"denominations":[1]}}}""", "defaults.mixerUsage.denominations must be an object, was an array")]
    [InlineData("""{"defaults":{"mixerUsage":{"denominations":{"ETH":null}}}}""", "defaults.mixerUsage.denominations.ETH must be an array, was null")]
    [InlineData("""{"defaults":{"mixerUsage":{"denominations":{"ETH":[1,"x"]}}}}""", "defaults.mixerUsage.denominations.ETH[1] must be a number, was \"x\"")]
    public void Parse_WrongValueType_IsReportedInTheFilesTerms(string json, string problem)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(Expected($"line 1: {problem}"), ex.Message);
    }

    [Fact]
    public void Parse_WrongValueTypes_AreListedWithUnknownNamesBeforeRangesAreChecked()
    {
        const string json = """
            {
              "defaults": { "rapidDrain": { "minUsd": "many", "bogus": 1 } },
              "assets": { "ETH": { "largeWithdrawal": { "enabled": 1 } } },
              "platforms": { "p1": { "assets": { "BTC": { "rapidDrain": { "minUsd": -1 } } } } }
            }
            """;

        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(
            Expected(
                "line 2: defaults.rapidDrain.minUsd must be a number, was \"many\"",
                "line 2: unknown setting 'bogus' in defaults.rapidDrain",
                "line 3: assets.ETH.largeWithdrawal.enabled must be true or false, was 1"),
            ex.Message);
    }

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { """ "largeWithdrawal": { "minUsd": 0 } """, "largeWithdrawal.minUsd must be greater than 0, was 0" },
        { """ "largeWithdrawal": { "coldStartMinUsd": 999999 } """, "largeWithdrawal.coldStartMinUsd must be at least minUsd (1000000), was 999999" },
        { """ "largeWithdrawal": { "baselineMultiple": 0.5 } """, "largeWithdrawal.baselineMultiple must be at least 1, was 0.5" },
        { """ "largeWithdrawal": { "knownDestinationTolerance": 0.5 } """, "largeWithdrawal.knownDestinationTolerance must be at least 1, was 0.5" },
        { """ "largeWithdrawal": { "criticalUsd": 999999 } """, "largeWithdrawal.criticalUsd must be at least minUsd (1000000), was 999999" },
        { """ "largeWithdrawal": { "mostOfBalanceMinUsd": 0 } """, "largeWithdrawal.mostOfBalanceMinUsd must be greater than 0, was 0" },
        { """ "largeWithdrawal": { "mostOfBalanceShare": 0 } """, "largeWithdrawal.mostOfBalanceShare must be greater than 0 and at most 1, was 0" },
        { """ "largeWithdrawal": { "mostOfBalanceShare": 1.5 } """, "largeWithdrawal.mostOfBalanceShare must be greater than 0 and at most 1, was 1.5" },
        { """ "largeWithdrawal": { "mostOfBalanceBaselineMultiple": 0.5 } """, "largeWithdrawal.mostOfBalanceBaselineMultiple must be at least 1, was 0.5" },

        { """ "rapidDrain": { "windowMinutes": 1 } """, "rapidDrain.windowMinutes must be between 5 and 360, was 1" },
        { """ "rapidDrain": { "windowMinutes": 361 } """, "rapidDrain.windowMinutes must be between 5 and 360, was 361" },
        { """ "rapidDrain": { "longWindowHours": 49 } """, "rapidDrain.longWindowHours must be between 2 and 48, was 49" },
        { """ "rapidDrain": { "windowMinutes": 120, "longWindowHours": 2 } """, "rapidDrain.longWindowHours (2 h) must be longer than windowMinutes (120 min)" },
        { """ "rapidDrain": { "minUsd": 0 } """, "rapidDrain.minUsd must be greater than 0, was 0" },
        { """ "rapidDrain": { "longColdStartMinUsd": 5 } """, "rapidDrain.longColdStartMinUsd must be at least longMinUsd (1000000), was 5" },
        { """ "rapidDrain": { "minLegUsd": -1 } """, "rapidDrain.minLegUsd must not be negative, was -1" },
        { """ "rapidDrain": { "largeLegMeanMultiple": 2 } """, "rapidDrain.largeLegMeanMultiple must be at least meanSizeMultiple (3), was 2" },
        { """ "rapidDrain": { "largeLegsMinCount": 1 } """, "rapidDrain.largeLegsMinCount must be between 2 and 100, was 1" },
        { """ "rapidDrain": { "largeLegsVolumeMultiple": 0.5 } """, "rapidDrain.largeLegsVolumeMultiple must be at least 1, was 0.5" },
        { """ "rapidDrain": { "largeLegsMinShare": -0.1 } """, "rapidDrain.largeLegsMinShare must be in [0, 1], was -0.1" },
        { """ "rapidDrain": { "largeLegsMinShare": 1.2 } """, "rapidDrain.largeLegsMinShare must be in [0, 1], was 1.2" },
        { """ "rapidDrain": { "longLargeLegsMinCount": 1 } """, "rapidDrain.longLargeLegsMinCount must be between 2 and 1000, was 1" },
        { """ "rapidDrain": { "longLargeLegsMinShare": 0 } """, "rapidDrain.longLargeLegsMinShare must be in (0, 1], was 0" },
        { """ "rapidDrain": { "longLargeLegsMinShare": 1.2 } """, "rapidDrain.longLargeLegsMinShare must be in (0, 1], was 1.2" },
        { """ "rapidDrain": { "longMinUsd": -1 } """, "rapidDrain.longMinUsd must be greater than 0, was -1" },
        { """ "rapidDrain": { "balanceDropFraction": 0 } """, "rapidDrain.balanceDropFraction must be in (0, 1], was 0" },
        { """ "rapidDrain": { "balanceDropFraction": 1.5 } """, "rapidDrain.balanceDropFraction must be in (0, 1], was 1.5" },
        { """ "rapidDrain": { "longBalanceDropFraction": 1.01 } """, "rapidDrain.longBalanceDropFraction must be in (0, 1], was 1.01" },
        { """ "rapidDrain": { "baselineMultiple": 0.9 } """, "rapidDrain.baselineMultiple must be at least 1, was 0.9" },
        { """ "rapidDrain": { "longBaselineMultiple": 0 } """, "rapidDrain.longBaselineMultiple must be at least 1, was 0" },
        { """ "rapidDrain": { "meanSizeMultiple": 0.5 } """, "rapidDrain.meanSizeMultiple must be at least 1, was 0.5" },
        { """ "rapidDrain": { "volumeOnlyMultiple": 9 } """, "rapidDrain.volumeOnlyMultiple must be at least baselineMultiple (10), was 9" },
        { """ "rapidDrain": { "coldStartMinUsd": 0 } """, "rapidDrain.coldStartMinUsd must be greater than 0, was 0" },
        { """ "rapidDrain": { "coldStartMinMeanUsd": -1 } """, "rapidDrain.coldStartMinMeanUsd must not be negative, was -1" },
        { """ "rapidDrain": { "freshDestinationMinUsd": 0 } """, "rapidDrain.freshDestinationMinUsd must be greater than 0, was 0" },
        { """ "rapidDrain": { "freshDestinationMinEvents": 0 } """, "rapidDrain.freshDestinationMinEvents must be at least 1, was 0" },
        { """ "rapidDrain": { "criticalUsd": 1 } """, "rapidDrain.criticalUsd must be at least minUsd (250000), was 1" },
        { """ "rapidDrain": { "rareLegMeanMultiple": 0.5 } """, "rapidDrain.rareLegMeanMultiple must be at least 1, was 0.5" },
        { """ "rapidDrain": { "rareLegsMaxChance": 0 } """, "rapidDrain.rareLegsMaxChance must be in (0, 0.01], was 0" },
        { """ "rapidDrain": { "rareLegsMaxChance": 0.05 } """, "rapidDrain.rareLegsMaxChance must be in (0, 0.01], was 0.05" },

        { """ "multiAssetDrain": { "windowMinutes": 0 } """, "multiAssetDrain.windowMinutes must be between 1 and 360, was 0" },
        { """ "multiAssetDrain": { "windowMinutes": 361 } """, "multiAssetDrain.windowMinutes must be between 1 and 360, was 361" },
        { """ "multiAssetDrain": { "minKeys": 1 } """, "multiAssetDrain.minKeys must be between 2 and 32, was 1" },
        { """ "multiAssetDrain": { "minKeys": 33 } """, "multiAssetDrain.minKeys must be between 2 and 32, was 33" },
        { """ "multiAssetDrain": { "minUsd": 0 } """, "multiAssetDrain.minUsd must be greater than 0, was 0" },
        { """ "multiAssetDrain": { "keyMinUsd": 0 } """, "multiAssetDrain.keyMinUsd must be greater than 0, was 0" },
        { """ "multiAssetDrain": { "coldKeyMinUsd": 49999 } """, "multiAssetDrain.coldKeyMinUsd must be at least keyMinUsd (50000), was 49999" },
        { """ "multiAssetDrain": { "keyBalanceDropFraction": 0 } """, "multiAssetDrain.keyBalanceDropFraction must be in (0, 1], was 0" },
        { """ "multiAssetDrain": { "keyBalanceDropFraction": 2 } """, "multiAssetDrain.keyBalanceDropFraction must be in (0, 1], was 2" },
        { """ "multiAssetDrain": { "keyBaselineMultiple": 0.5 } """, "multiAssetDrain.keyBaselineMultiple must be at least 1, was 0.5" },
        { """ "multiAssetDrain": { "sameDestinationMinAssets": 1 } """, "multiAssetDrain.sameDestinationMinAssets must be between 2 and 8, was 1" },
        { """ "multiAssetDrain": { "sameDestinationMinAssets": 9 } """, "multiAssetDrain.sameDestinationMinAssets must be between 2 and 8, was 9" },
        { """ "multiAssetDrain": { "sameDestinationMinUsd": 0 } """, "multiAssetDrain.sameDestinationMinUsd must be greater than 0, was 0" },
        { """ "multiAssetDrain": { "sameDestinationMinWallets": 1 } """, "multiAssetDrain.sameDestinationMinWallets must be between 2 and 16, was 1" },
        { """ "multiAssetDrain": { "sameDestinationMinWallets": 17 } """, "multiAssetDrain.sameDestinationMinWallets must be between 2 and 16, was 17" },
        { """ "multiAssetDrain": { "sameDestinationWalletsMinutes": 0 } """, "multiAssetDrain.sameDestinationWalletsMinutes must be between 1 and 360, was 0" },
        { """ "multiAssetDrain": { "sameDestinationWalletsMinutes": 361 } """, "multiAssetDrain.sameDestinationWalletsMinutes must be between 1 and 360, was 361" },

        { """ "mixerUsage": { "minDenominationWithdrawals": 1 } """, "mixerUsage.minDenominationWithdrawals must be between 2 and 16, was 1" },
        { """ "mixerUsage": { "minDenominationWithdrawals": 17 } """, "mixerUsage.minDenominationWithdrawals must be between 2 and 16, was 17" },
        { """ "mixerUsage": { "windowHours": 0 } """, "mixerUsage.windowHours must be between 1 and 168, was 0" },
        { """ "mixerUsage": { "windowHours": 169 } """, "mixerUsage.windowHours must be between 1 and 168, was 169" },
        { """ "mixerUsage": { "denominations": { "ETH": [] } } """, "mixerUsage.denominations.ETH must list positive amounts" },
        { """ "mixerUsage": { "denominations": { "SOL": [1, 0] } } """, "mixerUsage.denominations.SOL must list positive amounts" },

        { """ "structuring": { "thresholdUsd": 0 } """, "structuring.thresholdUsd must be greater than 0, was 0" },
        { """ "structuring": { "bandFraction": 0 } """, "structuring.bandFraction must be in (0, 1), was 0" },
        { """ "structuring": { "bandFraction": 1 } """, "structuring.bandFraction must be in (0, 1), was 1" },
        { """ "structuring": { "minCount": 1 } """, "structuring.minCount must be between 2 and 16, was 1" },
        { """ "structuring": { "minCount": 17 } """, "structuring.minCount must be between 2 and 16, was 17" },
        { """ "structuring": { "minShare": 0 } """, "structuring.minShare must be in (0, 1], was 0" },
        { """ "structuring": { "minShare": 1.5 } """, "structuring.minShare must be in (0, 1], was 1.5" },
        { """ "structuring": { "windowHours": 0 } """, "structuring.windowHours must be between 1 and 168, was 0" },
        { """ "structuring": { "windowHours": 169 } """, "structuring.windowHours must be between 1 and 168, was 169" },

        { """ "destinationFanIn": { "minDistinctAccounts": 1 } """, "destinationFanIn.minDistinctAccounts must be between 2 and 32, was 1" },
        { """ "destinationFanIn": { "minDistinctAccounts": 33 } """, "destinationFanIn.minDistinctAccounts must be between 2 and 32, was 33" },
        { """ "destinationFanIn": { "windowMinutes": 0 } """, "destinationFanIn.windowMinutes must be between 1 and 1440, was 0" },
        { """ "destinationFanIn": { "windowMinutes": 1441 } """, "destinationFanIn.windowMinutes must be between 1 and 1440, was 1441" },
        { """ "destinationFanIn": { "minUsd": -1 } """, "destinationFanIn.minUsd must not be negative, was -1" },
        { """ "destinationFanIn": { "newForHours": 0 } """, "destinationFanIn.newForHours must be between 1 and 168, was 0" },
        { """ "destinationFanIn": { "newForHours": 169 } """, "destinationFanIn.newForHours must be between 1 and 168, was 169" },
        { """ "destinationFanIn": { "newForHours": 1, "windowMinutes": 90 } """, "destinationFanIn.newForHours (1 h) must not be shorter than windowMinutes (90 min)" },

        { """ "baseline": { "halfLifeHours": 0 } """, "baseline.halfLifeHours must be between 1 and 2160, was 0" },
        { """ "baseline": { "halfLifeHours": 2161 } """, "baseline.halfLifeHours must be between 1 and 2160, was 2161" },
        { """ "baseline": { "minHistoryHours": -1 } """, "baseline.minHistoryHours must be between 0 and 720, was -1" },
        { """ "baseline": { "minHistoryHours": 721 } """, "baseline.minHistoryHours must be between 0 and 720, was 721" },
        { """ "baseline": { "provisionalHistoryHours": 0 } """, "baseline.provisionalHistoryHours must be between 1 and 48, was 0" },
        { """ "baseline": { "provisionalHistoryHours": 49 } """, "baseline.provisionalHistoryHours must be between 1 and 48, was 49" },
        { """ "baseline": { "minEvents": -1 } """, "baseline.minEvents must not be negative, was -1" },

        { """ "largeWithdrawal": { "baselineMultiple": 1e30 } """, "largeWithdrawal.baselineMultiple must be at most 1000000, was 1E+30" },
        { """ "largeWithdrawal": { "criticalUsd": 1e16 } """, "largeWithdrawal.criticalUsd must be at most 10^15, was 10000000000000000" },
        { """ "largeWithdrawal": { "knownDestinationTolerance": 2000000 } """, "largeWithdrawal.knownDestinationTolerance must be at most 1000000, was 2000000" },
        { """ "largeWithdrawal": { "mostOfBalanceBaselineMultiple": 2000000 } """, "largeWithdrawal.mostOfBalanceBaselineMultiple must be at most 1000000, was 2000000" },
        { """ "largeWithdrawal": { "mostOfBalanceMinUsd": 1e16 } """, "largeWithdrawal.mostOfBalanceMinUsd must be at most 10^15, was 10000000000000000" },
        { """ "rapidDrain": { "largeLegsVolumeMultiple": 1000001 } """, "rapidDrain.largeLegsVolumeMultiple must be at most 1000000, was 1000001" },
        { """ "rapidDrain": { "rareLegMeanMultiple": 1e7 } """, "rapidDrain.rareLegMeanMultiple must be at most 1000000, was 10000000" },
        { """ "rapidDrain": { "freshDestinationMinUsd": 1000000000000001 } """, "rapidDrain.freshDestinationMinUsd must be at most 10^15, was 1000000000000001" },
        { """ "multiAssetDrain": { "keyBaselineMultiple": 1e7 } """, "multiAssetDrain.keyBaselineMultiple must be at most 1000000, was 10000000" },
        { """ "destinationFanIn": { "minUsd": 1e16 } """, "destinationFanIn.minUsd must be at most 10^15, was 10000000000000000" },
        { """ "structuring": { "thresholdUsd": 1e16 } """, "structuring.thresholdUsd must be at most 10^15, was 10000000000000000" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Parse_InvalidDefaultsValue_ThrowsWithExactMessage(string defaults, string problem)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse($$$"""{"defaults":{ {{{defaults}}} }}""", Origin));

        Assert.Equal(Expected($"{problem} (platform '*', asset '*')"), ex.Message);
    }

    [Theory]
    [InlineData("""{"defaults":{"rapidDrain":{"windowMinutes":5,"longWindowHours":2}}}""")]
    [InlineData("""{"defaults":{"rapidDrain":{"windowMinutes":360,"longWindowHours":48}}}""")]
    [InlineData("""{"defaults":{"structuring":{"minCount":16,"windowHours":168,"bandFraction":0.99}}}""")]
    [InlineData("""{"defaults":{"baseline":{"halfLifeHours":2160,"minHistoryHours":0,"provisionalHistoryHours":48,"minEvents":0}}}""")]
    [InlineData("""{"defaults":{"largeWithdrawal":{"minUsd":5000000,"coldStartMinUsd":5000000,"criticalUsd":5000000,"baselineMultiple":1}}}""")]
    [InlineData("""{"defaults":{"multiAssetDrain":{"keyBalanceDropFraction":1,"keyMinUsd":1,"coldKeyMinUsd":1}}}""")]
    [InlineData("""{"defaults":{"destinationFanIn":{"minUsd":0,"minDistinctAccounts":32,"windowMinutes":1440}}}""")]
    public void Parse_BoundaryValues_AreAccepted(string json)
    {
        var rules = RulesFileLoader.Parse(json, Origin);

        Assert.Empty(rules.ForPlatform("p").Validate());
    }

    [Fact]
    public void Parse_InvalidValueInPlatformAssetOverride_NamesPlatformAndAsset()
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("""{"platforms":{"northwind":{"assets":{"ETH":{"rapidDrain":{"minUsd":0}}}}}}""", Origin));

        Assert.Equal(Expected("rapidDrain.minUsd must be greater than 0, was 0 (platform 'northwind', asset 'ETH')"), ex.Message);
    }

    [Fact]
    public void Parse_ValueValidAloneButInvalidAfterMerge_IsReported()
    {
        // The default coldStartMinUsd (5,000,000) is fine on its own, but not below a platform's raised minUsd.
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("""{"platforms":{"northwind":{"rules":{"largeWithdrawal":{"minUsd":6000000}}}}}""", Origin));

        Assert.Equal(Expected("largeWithdrawal.coldStartMinUsd must be at least minUsd (6000000), was 5000000 (platform 'northwind', asset '*')"), ex.Message);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedAtOnce()
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(
            """{"allowedLatenessSeconds":-1,"destinationMemoryDays":0,"referencePricesUsd":{"ETH":-3}}""",
            Origin));

        Assert.Equal(
            Expected(
                "line 1: 'allowedLatenessSeconds' must be a whole number from 0 to 3600, was -1",
                "line 1: 'destinationMemoryDays' must be a whole number from 1 to 90, was 0",
                "line 1: referencePricesUsd.ETH must be a non-negative number, was -3"),
            ex.Message);
    }

    [Fact]
    public void Parse_InternalWallets_AreMatchedWithAddressCaseRules()
    {
        var rules = RulesFileLoader.Parse("{\"platforms\":{\"northwind\":{\"internalWallets\":[\"" + Eip55 + "\",\"" + Base58 + "\"]}}}", Origin);

        Assert.True(rules.IsInternalWallet("northwind", Eip55));
        Assert.True(rules.IsInternalWallet("northwind", Eip55.ToLowerInvariant()));
        Assert.True(rules.IsInternalWallet("northwind", Base58));
        Assert.False(rules.IsInternalWallet("northwind", Base58.ToLowerInvariant()));
        Assert.False(rules.IsInternalWallet("contoso", Eip55));
        Assert.False(rules.IsInternalWallet("Northwind", Eip55));
    }

    [Theory]
    [InlineData("\"0xabc\"", "line 1: platforms.northwind.internalWallets must be an array of addresses, was \"0xabc\"")]
    [InlineData("{}", "line 1: platforms.northwind.internalWallets must be an array of addresses, was an object")]
    [InlineData("null", "line 1: platforms.northwind.internalWallets must be an array of addresses, was null")]
    [InlineData("[\"\"]", "line 1: platforms.northwind.internalWallets[0] must be a non-empty string, was \"\"")]
    [InlineData("[\"0xabc\", 42]", "line 1: platforms.northwind.internalWallets[1] must be a non-empty string, was 42")]
    [InlineData("[null]", "line 1: platforms.northwind.internalWallets[0] must be a non-empty string, was null")]
    public void Parse_InvalidInternalWallets_Throws(string value, string problem)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse("{\"platforms\":{\"northwind\":{\"internalWallets\":" + value + "}}}", Origin));

        Assert.Equal(Expected(problem), ex.Message);
    }

    [Fact]
    public void Parse_ReferencePrices_OverrideAndExtendTheDefaults()
    {
        var prices = RulesFileLoader.Parse("""{"referencePricesUsd":{"ETH":2500.5,"newcoin":7,"USDT":0}}""", Origin).ReferencePricesUsd;

        Assert.Equal(2500.5m, prices["ETH"]);
        Assert.Equal(2500.5m, prices["eth"]);
        Assert.Equal(7m, prices["NEWCOIN"]);
        Assert.Equal(0m, prices["USDT"]);
        Assert.Equal(90_000m, prices["BTC"]);
        Assert.Equal(16, prices.Count);
    }

    [Theory]
    [InlineData("""{"referencePricesUsd":{"ETH":-1}}""", "line 1: referencePricesUsd.ETH must be a non-negative number, was -1")]
    [InlineData("""{"referencePricesUsd":{"ETH":"3000"}}""", "line 1: referencePricesUsd.ETH must be a non-negative number, was \"3000\"")]
    [InlineData("""{"referencePricesUsd":{"ETH":null}}""", "line 1: referencePricesUsd.ETH must be a non-negative number, was null")]
    [InlineData("""{"referencePricesUsd":{"ETH":{}}}""", "line 1: referencePricesUsd.ETH must be a non-negative number, was an object")]
    [InlineData("""{"referencePricesUsd":[3000]}""", "line 1: 'referencePricesUsd' must be an object of asset → USD price, was an array")]
    public void Parse_InvalidReferencePrice_Throws(string json, string problem)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(Expected(problem), ex.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3600, 3600)]
    public void Parse_AllowedLatenessSeconds_InRange_IsUsed(int value, int expectedSeconds)
    {
        var rules = RulesFileLoader.Parse($$$"""{"allowedLatenessSeconds":{{{value}}}}""", Origin);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), rules.AllowedLateness);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3601")]
    [InlineData("1.5")]
    [InlineData("\"300\"")]
    [InlineData("true")]
    public void Parse_AllowedLatenessSeconds_OutOfRange_Throws(string value)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse($$$"""{"allowedLatenessSeconds":{{{value}}}}""", Origin));

        Assert.Equal(Expected($"line 1: 'allowedLatenessSeconds' must be a whole number from 0 to 3600, was {value}"), ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(90)]
    public void Parse_DestinationMemoryDays_InRange_IsUsed(int days)
    {
        var rules = RulesFileLoader.Parse($$$"""{"destinationMemoryDays":{{{days}}}}""", Origin);

        Assert.Equal(TimeSpan.FromDays(days), rules.DestinationMemory);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("7.5")]
    [InlineData("\"7\"")]
    public void Parse_DestinationMemoryDays_OutOfRange_Throws(string value)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse($$$"""{"destinationMemoryDays":{{{value}}}}""", Origin));

        Assert.Equal(Expected($"line 1: 'destinationMemoryDays' must be a whole number from 1 to 90, was {value}"), ex.Message);
    }

    [Theory]
    [InlineData("""{"defaults":[]}""", "line 1: 'defaults' must be an object, was an array")]
    [InlineData("""{"assets":[]}""", "line 1: 'assets' must be an object keyed by asset symbol, was an array")]
    [InlineData("""{"assets":{"ETH":5}}""", "line 1: assets.ETH must be an object, was 5")]
    [InlineData("""{"platforms":[]}""", "line 1: 'platforms' must be an object keyed by platform id, was an array")]
    [InlineData("""{"platforms":{"northwind":5}}""", "line 1: platforms.northwind must be an object, was 5")]
    [InlineData("""{"platforms":{"northwind":{"rules":[]}}}""", "line 1: platforms.northwind.rules must be an object, was an array")]
    [InlineData("""{"platforms":{"northwind":{"assets":[]}}}""", "line 1: 'platforms.northwind.assets' must be an object keyed by asset symbol, was an array")]
    [InlineData("""{"platforms":{"northwind":{"assets":{"ETH":[]}}}}""", "line 1: platforms.northwind.assets.ETH must be an object, was an array")]
    public void Parse_WrongShape_Throws(string json, string problem)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(Expected(problem), ex.Message);
    }

    [Theory]
    [InlineData(""" "defaults": null""", "line 3: 'defaults' must be an object, was null")]
    [InlineData(""" "platforms": null""", "line 3: 'platforms' must be an object keyed by platform id, was null")]
    [InlineData(""" "assets": null""", "line 3: 'assets' must be an object keyed by asset symbol, was null")]
    [InlineData(""" "referencePricesUsd": null""", "line 3: 'referencePricesUsd' must be an object of asset → USD price, was null")]
    [InlineData(""" "allowedLatenessSeconds": null""", "line 3: 'allowedLatenessSeconds' must be a whole number from 0 to 3600, was null")]
    [InlineData(""" "destinationMemoryDays": null""", "line 3: 'destinationMemoryDays' must be a whole number from 1 to 90, was null")]
    [InlineData(""" "assets": { "ETH": null }""", "line 3: assets.ETH must be an object, was null")]
    [InlineData(""" "platforms": { "p1": null }""", "line 3: platforms.p1 must be an object, was null")]
    [InlineData(""" "platforms": {\n    "p1": { "rules": null }\n  }""", "line 4: platforms.p1.rules must be an object, was null")]
    [InlineData(""" "platforms": {\n    "p1": {\n      "assets": null }\n  }""", "line 5: 'platforms.p1.assets' must be an object keyed by asset symbol, was null")]
    [InlineData(""" "platforms": { "p1": { "assets": { "ETH": null } } }""", "line 3: platforms.p1.assets.ETH must be an object, was null")]
    public void Parse_NullSection_IsRefusedWithItsLineAndPath(string section, string problem)
    {
        var json = "{\n  \"description\": \"tuned\",\n " + section.Replace("\\n", "\n", StringComparison.Ordinal) + "\n}";

        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(Expected(problem), ex.Message);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"defaults\":}")]
    [InlineData("not json")]
    public void Parse_InvalidJson_MessageNamesTheOrigin(string json)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.StartsWith("config/rules.json: not valid JSON: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_JsonThatIsNotAnObject_MessageNamesTheOrigin(string json)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal("config/rules.json: the rules file must be a JSON object", ex.Message);
    }

    [Fact]
    public void Parse_RepeatedProperty_NamesItWithBothLines()
    {
        const string json = """
            {
              "defaults": { "rapidDrain": { "minUsd": 1 } },
              "defaults": {
                "rapidDrain": { "minUsd": 2,
                                "minUsd": 3 }
              }
            }
            """;

        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(
            Expected(
                "line 3: 'defaults' appears twice (first on line 2)",
                "line 5: 'minUsd' appears twice in defaults.rapidDrain (first on line 4)"),
            ex.Message);
    }

    [Theory]
    [InlineData("""{"assets":{"ETH":{},"eth":{}}}""", "line 1: 'eth' appears twice in assets, as 'ETH' (asset symbols match whatever their case)")]
    [InlineData("""{"platforms":{"p1":{"assets":{"USDT":{},"Usdt":{}}}}}""", "line 1: 'Usdt' appears twice in platforms.p1.assets, as 'USDT' (asset symbols match whatever their case)")]
    [InlineData("""{"referencePricesUsd":{"ETH":1,"eth":2}}""", "line 1: 'eth' appears twice in referencePricesUsd, as 'ETH' (asset symbols match whatever their case)")]
    public void Parse_AssetNamedTwiceInAnotherCase_IsRefused(string json, string problem)
    {
        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.Parse(json, Origin));

        Assert.Equal(Expected(problem), ex.Message);
    }

    [Fact]
    public void LoadFile_ExistingFile_UsesItsPathInMessages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"defaults":{"structuring":{"minCount":1}}}""");
        try
        {
            var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.LoadFile(path));

            Assert.StartsWith($"{path}: 1 problem(s) in the rules file:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_ValidFile_IsLoaded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"defaults":{"structuring":{"minCount":5}}}""");
        try
        {
            Assert.Equal(5, RulesFileLoader.LoadFile(path).ForPlatform("p").Structuring.MinCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_MissingFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rules-missing-{Guid.NewGuid():N}.json");

        var ex = Assert.Throws<RulesFileException>(() => RulesFileLoader.LoadFile(path));

        Assert.StartsWith($"{path}: cannot read the rules file: ", ex.Message, StringComparison.Ordinal);
    }

    private static string Expected(params string[] problems) =>
        $"{Origin}: {problems.Length} problem(s) in the rules file:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}";
}
