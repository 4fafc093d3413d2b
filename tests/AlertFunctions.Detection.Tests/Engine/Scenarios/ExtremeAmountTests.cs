using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;

using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// The contract's amount limits are what keeps the engine's checked arithmetic in range: a stream of withdrawals at the
/// limits must be processed (and alerted on), never fail with an overflow that would poison its batch.
/// </summary>
public sealed class ExtremeAmountTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Engine_ThousandsOfWithdrawalsAtTheContractLimits_RaiseAlertsWithoutOverflow()
    {
        var run = ScenarioRun.Of(HistoryThenExtremes());
        // The wallets' drains join the platform's open multi-asset-drain alert; alone, each raises its own rapid-drain alert.
        var walletsOnly = ScenarioRun.Of(HistoryThenExtremes(), RulesFileLoader.Parse("""{ "defaults": { "multiAssetDrain": { "enabled": false } } }""", "test rules"));

        Assert.Equal(6_400, run.Engine.Counters.Evaluated);
        Assert.Contains(run.Alerts, a => a.Rule == "large-withdrawal");
        Assert.Contains(run.Alerts, a => a.Rule == "multi-asset-drain");
        Assert.Contains(walletsOnly.Alerts, a => a.Rule == "rapid-drain");
        Assert.All(run.Alerts.Concat(walletsOnly.Alerts).Where(a => a.Rule is "large-withdrawal" or "rapid-drain"), a => Assert.True(a.AmountUsd >= AmountLimits.MaxUsd, $"{a.Rule}: {a.AmountUsd}"));
    }

    [Fact]
    public void Engine_SettingsAtTheirUpperBoundsAndAmountsAtTheLimits_ProcessEveryEvent()
    {
        var run = ScenarioRun.Of(HistoryThenExtremes(), RulesAtTheirBounds.Rules);

        Assert.Equal(6_400, run.Engine.Counters.Evaluated);
        Assert.Contains(run.Alerts, a => a.Rule == "large-withdrawal");
    }

    [Fact]
    public void TryValueUsd_ReferencePriceTimesTheLargestAmount_IsCappedAtTheUsdLimit()
    {
        var rules = RulesFileLoader.Parse("""{ "referencePricesUsd": { "GOLD": 10000000000, "DUST": 0.000001 } }""", "test rules");

        Assert.True(rules.TryValueUsd(Withdrawal.Asset("GOLD").Units(AmountLimits.MaxAssetUnits, null), out var capped));
        Assert.True(rules.TryValueUsd(Withdrawal.Asset("DUST").Units(AmountLimits.MaxAssetUnits, null), out var dust));
        Assert.True(rules.TryValueUsd(Withdrawal.Asset("GOLD").Units(2m, null), out var ordinary));

        Assert.Equal(AmountLimits.MaxUsd, capped);
        Assert.Equal(100_000_000_000_000m, dust);
        Assert.Equal(20_000_000_000m, ordinary);
    }

    private static IEnumerable<WithdrawalEvent> HistoryThenExtremes()
    {
        var history = Enumerable.Range(0, 400).Select(i => Withdrawal.Usd(200m + i)
            .From(Wallet(i % 2)).To($"0x{i % 50 + 1:x40}").Account($"acct-{i % 40}").At(Start.AddMinutes(i * 5)).Build());
        var extreme = Enumerable.Range(0, 6_000).Select(i => Withdrawal.Units(AmountLimits.MaxAssetUnits, AmountLimits.MaxUsd)
            .Asset(i % 3 == 0 ? "USDT" : i % 3 == 1 ? "ETH" : "WBTC")
            .Balance(AmountLimits.MaxAssetUnits)
            .From(Wallet(i % 2)).To(i % 5 == 0 ? "0x3333333333333333333333333333333333333333" : $"0x{i + 1000:x40}")
            .Account($"acct-{i % 40}").At(Start.AddDays(2).AddSeconds(i / 2)).Build());
        return history.Concat(extreme);
    }

    private static EventBuilder Withdrawal => EventBuilder.Withdrawal();

    private static string Wallet(int n) => $"0x{n + 0xaaaa:x40}";
}
