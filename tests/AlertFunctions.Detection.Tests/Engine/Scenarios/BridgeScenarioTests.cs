using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Bridges at default settings: their users withdraw to addresses the platform never paid, in sizes spanning four orders of
/// magnitude, so "a new address" and "a large withdrawal" say less than on an exchange. Thefts shaped like the bridge hacks
/// of 2022–2024 must still be caught early, and a busy router network must not look like one.
/// </summary>
public sealed class BridgeScenarioTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Chains = ["ethereum", "fantom", "moonriver", "dogechain", "kava"];
    private static readonly string[] RouterAssets = ["USDC", "USDT", "WETH", "WBTC"];

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void RouterNetwork_UsersOrdinaryLargeWithdrawalsOnThreePairsWithinHalfAnHour_RaiseNoMultiAssetDrain(int seed)
    {
        // Five routers, four assets each, three withdrawals an hour per pair. A withdrawal of a few hundred thousand dollars
        // to a user's new address comes about once an hour across the twenty pairs; three of them within 30 minutes, each
        // under five times what its pair routinely sends, are users, not a compromised key. (In the first hours, before the
        // pairs have a baseline, any $250,000 to a new address still counts: a known gap.)
        var run = ScenarioRun.Of(Routers(seed, Day0.AddDays(6), withBalances: seed % 2 == 0));

        Assert.DoesNotContain(run.AlertsOf(RuleIds.MultiAssetDrain), a => a.WindowEnd >= Day0.AddDays(1));
    }

    private static IEnumerable<WithdrawalEvent> Routers(int seed, DateTimeOffset until, bool withBalances) =>
        Chains.SelectMany((chain, i) => BridgeTraffic.Of(
            (seed * 10) + i, "multichain", Router(chain), RouterAssets, Day0, until, chain: chain, eventsPerHour: 12, startingBalanceUsd: withBalances ? 200_000_000m : null));

    private static string Router(string chain) => Addresses.Evm($"router-{chain}");
}
