using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Tokens nobody priced: an exchange that lists many long-tail tokens sends no <c>amountUsd</c> for them and has no reference
/// price, so every withdrawal of them is valued at 0 and passes every USD floor. A stolen key empties them one transfer per
/// token (Upbit 2025-11-27: a Solana hot wallet, 23 tokens of $0.6–2.8M, about an hour, a few addresses; Poloniex 2023:
/// 317 tokens). Such a withdrawal counts its pair as drained for <c>multi-asset-drain</c>, judged in units: it left the pair
/// at least 90% empty, or it was 20× the pair's usual withdrawal in units, each to an address first paid within 12 hours.
/// </summary>
public sealed class UnpricedTokenDrainTests
{
    private static readonly DateTimeOffset Attack = UnpricedTokenScenario.Attack;

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void UpbitShapedDrainOfUnpricedTokens_WithBalances_IsCaughtAtTheThirdToken(int seed, bool customersWithAccounts)
    {
        var run = ScenarioRun.Of(UnpricedTokenScenario.Events(seed, withBalances: true, customersWithAccounts, attack: true));

        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd < Attack);
        var first = run.Changes.First(c => c.Kind == AlertChangeKind.Raised).Alert;
        Assert.Equal((RuleIds.MultiAssetDrain, "leg-02", Severity.Critical), (first.Rule, first.TriggerEventId, first.Severity));
        Assert.Contains("judged in asset units, not USD", first.Summary, StringComparison.Ordinal);
        Assert.Contains("of the pair's balance", first.Summary, StringComparison.Ordinal);
        // The Teams card shows a measure naming USD in dollars: this one counts pairs.
        Assert.DoesNotContain("usd", first.Details.Measure, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["leg-00", "leg-01", "leg-02"], first.EventIds);
        // One alert for the whole drain, grown by every later token (and by nothing else): no storm.
        var alert = Assert.Single(run.Alerts);
        Assert.All(alert.EventIds, id => Assert.StartsWith("leg-", id, StringComparison.Ordinal));
        Assert.Equal(UnpricedTokenScenario.AttackLegs, alert.EventIds.Count + alert.EventIdsOmitted);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(5, 2)]
    [InlineData(6, 3)]
    [InlineData(8, 4)]
    public void UpbitShapedDrainOfUnpricedTokens_WithoutBalances_IsCaughtOnceThreeTokensHaveALearnedSizeInUnits(int seed, int caughtAtLeg)
    {
        // Without balances only the learned size in units judges a leg: a token withdrawn too rarely to have learned it (20
        // withdrawals) does not count, so on some seeds the third counted token is the fourth or fifth taken.
        var run = ScenarioRun.Of(UnpricedTokenScenario.Events(seed, withBalances: false, withAccounts: true, attack: true));

        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd < Attack);
        var first = run.Changes.First(c => c.Kind == AlertChangeKind.Raised).Alert;
        Assert.Equal((RuleIds.MultiAssetDrain, $"leg-{caughtAtLeg:D2}"), (first.Rule, first.TriggerEventId));
        Assert.Contains("the pair's usual withdrawal in units", first.Summary, StringComparison.Ordinal);
        Assert.Single(run.Alerts);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void SixDaysOfCustomersWithdrawingUnpricedTokens_RaiseNothing(int seed, bool withBalances)
    {
        // A sixth of them to addresses the platform never paid, at log-normal sizes up to $150,000.
        var run = ScenarioRun.Of(UnpricedTokenScenario.Events(seed, withBalances, withAccounts: false, attack: false, days: 6));

        Assert.Empty(run.Alerts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ThinHotWalletsRefilledForLargeWithdrawals_RaiseNothing(int seed)
    {
        // A few thousand dollars a token, topped up from cold storage when a withdrawal would overdraw it: customers' large
        // withdrawals leave it near empty every day. Without the refill test this raised 1-5 critical alerts per seed.
        var tokens = new UnpricedTokenTraffic(seed, thinWallets: true) { WithAccounts = false };
        var run = ScenarioRun.Of(tokens.Between(UnpricedTokenScenario.Day0, UnpricedTokenScenario.Day0.AddDays(6)));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void AWhaleTakingMostOfOneIlliquidTokenToANewAddress_RaisesNothing()
    {
        // One emptied pair is one odd token: the rule needs three.
        var events = UnpricedTokenScenario.Events(7, withBalances: true, withAccounts: true, attack: false, schedule: traffic =>
            traffic.Legs.Add(new UnpricedTokenTraffic.Leg("whale", Attack, traffic.Tokens[0].Asset, 0.95m, Addresses.Evm("whale-new"))));

        var run = ScenarioRun.Of(events);

        Assert.Empty(run.Alerts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SweepsOfTenUnpricedTokensToAColdWalletEverySixHours_AlertOnlyWhileAnUnlistedColdWalletIsNew(bool listed)
    {
        // A sweep empties each token's hot balance to one address, as a thief does: only the platform's word that the address
        // is its own tells them apart. Unlisted, the cold wallet (which never sends) is a new address for its first 12 hours.
        var cold = Addresses.Evm("cold-never-sends");
        var events = UnpricedTokenScenario.Events(3, withBalances: true, withAccounts: true, attack: false, days: 6, schedule: traffic =>
        {
            for (var t = UnpricedTokenScenario.Day0.AddHours(3); t < UnpricedTokenScenario.Day0.AddDays(6); t = t.AddHours(6))
            {
                for (var k = 0; k < 10; k++)
                {
                    traffic.Legs.Add(new UnpricedTokenTraffic.Leg($"sweep-{t:MMddHH}-{k}", t.AddSeconds(k * 20), traffic.Tokens[k].Asset, 0.95m, cold));
                }
            }
        });
        var rules = listed
            ? RulesFileLoader.Parse($$"""{ "platforms": { "northwind-exchange": { "internalWallets": ["{{cold}}"] } } }""", "test")
            : null;

        var run = ScenarioRun.Of(events, rules);

        Assert.All(run.Alerts, a => Assert.Equal(RuleIds.MultiAssetDrain, a.Rule));
        Assert.Equal(listed ? 0 : 2, run.Alerts.Count);
        Assert.All(run.Alerts, a => Assert.True(a.WindowEnd < UnpricedTokenScenario.Day0.AddHours(15), $"{a.WindowEnd}"));
    }

    [Fact]
    public void UpbitShapedDrain_RestartBeforeAnyLegAndBetweenThemChangesNothing()
    {
        // The learned units are in the wallet's snapshot; the drained pairs, and the leg that counted each, in the platform's.
        var ordered = RestartReplay.InTimeOrder(UnpricedTokenScenario.Events(2, withBalances: true, withAccounts: true, attack: true), new Random(2), jitter: false);
        foreach (var leg in new[] { 0, 1, 2, 5 })
        {
            var cut = ordered.FindIndex(e => e.EventId == $"leg-{leg:D2}");
            RestartReplay.AssertRestartChangesNothing(ordered, cut, $"before leg {leg}");
        }

        var withoutBalances = RestartReplay.InTimeOrder(UnpricedTokenScenario.Events(1, withBalances: false, withAccounts: true, attack: true), new Random(1), jitter: false);
        RestartReplay.AssertRestartChangesNothing(withoutBalances, withoutBalances.FindIndex(e => e.EventId == "leg-01"), "before leg 1, without balances");
    }

    [Fact]
    public void PricedTokensStillNeedTheirUsd_ThreeSmallEmptiedPairsOfPricedTokensRaiseNothing()
    {
        // The units test is only for withdrawals nothing valued: three priced pairs emptied of $30,000 each stay under the
        // rule's USD floors, as before.
        var t = Attack;
        var wallet = Addresses.Evm("priced-small");
        List<WithdrawalEvent> events = [];
        foreach (var (asset, i) in new[] { "ETH", "USDC", "USDT" }.Select((a, i) => (a, i)))
        {
            events.Add(EventBuilder.Withdrawal().Id($"small-{i}").From(wallet).Asset(asset).Units(10m, 30_000m).Balance(0.1m).To(Addresses.Evm($"new-{i}")).At(t.AddMinutes(i)).Build());
        }

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }
}
