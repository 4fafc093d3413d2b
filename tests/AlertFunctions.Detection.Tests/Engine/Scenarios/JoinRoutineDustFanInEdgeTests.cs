using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Independent review of this stop's detection changes: each test states what the README promises.</summary>
public sealed class JoinRoutineDustFanInEdgeTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AttackDay = Day0.AddDays(2);

    [Fact]
    public void FanIn_VictimsMoreThan12HoursAfterATestPayment_AlertAmountCountsTheVictims()
    {
        // The collector is still new (24 h), so the victims 13 hours after the test payment raise fan-in. The alert's amount
        // and summary must be what the victims sent, not only the test payment.
        var day = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var collector = Addresses.Evm("collector");
        WithdrawalEvent[] events =
        [
            EventBuilder.Withdrawal().Id("test-payment").Usd(1_500m).Account("thief").To(collector).At(day),
            .. Enumerable.Range(0, 5).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"victim-{i}").Usd(3_000m).Account($"victim-{i}").To(collector).At(day.AddHours(13).AddMinutes(5 * i))),
        ];

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal(RuleIds.DestinationFanIn, alert.Rule);
        Assert.True(alert.AmountUsd >= 15_000m, $"amount {alert.AmountUsd}, events {alert.EventCount}: {alert.Summary}");
    }

    [Fact]
    public void WalletDrainedInLegsUnder50k_WhileThePlatformAlertIsOpen_IsNamedSomewhere()
    {
        var (run, wallet) = SweepsThenSmallLegDrain(withSweeps: true);

        Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Contains(run.Alerts, a => a.Subject == wallet || a.EventIds.Any(id => id.StartsWith("w-leg-", StringComparison.Ordinal)));
    }

    [Fact]
    public void WalletDrainedInLegsUnder50k_Alone_RaisesRapidDrain_Control()
    {
        var (run, wallet) = SweepsThenSmallLegDrain(withSweeps: false);

        Assert.Contains(run.AlertsOf(RuleIds.RapidDrain), a => a.Subject == wallet);
    }

    private static (ScenarioRun Run, string Wallet) SweepsThenSmallLegDrain(bool withSweeps)
    {
        var w = Addresses.Evm("payout-w");
        var events = new TrafficBuilder(41) { Wallet = w, Assets = ["USDT"], EventsPerHour = 40 }.Between(Day0, AttackDay).ToList();
        if (withSweeps)
        {
            var thief = Addresses.Evm("thief");
            events.AddRange(Enumerable.Range(0, 3).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"sweep-{i}").From(Addresses.Evm($"payout-{i}"))
                .Usd(300_000m).Balance(5m).To(thief).At(AttackDay.AddMinutes(i))));
        }

        // The same key empties a fifth wallet in $45,000 legs (just under the $50,000 leg minimum) into new addresses.
        var balance = 400_000m;
        for (var i = 0; i < 7; i++)
        {
            balance -= 45_000m;
            events.Add(EventBuilder.Withdrawal().Id($"w-leg-{i}").From(w).Usd(45_000m).Balance(balance).To(Addresses.Evm($"thief-w-{i}")).At(AttackDay.AddMinutes(4 + i)));
        }

        return (ScenarioRun.Of(events), w);
    }

    [Fact]
    public void TestPaymentDaysBefore_RestartJustBeforeTheDrain_StillFindsTheAddressNew()
    {
        // DrainScenarioTests' test-payment drain, with the partition restarted (exported, imported) just before the first leg:
        // the restored engine must treat the dust-paid address as new, as the uninterrupted one does.
        var events = SmallExchangeDrain.Events(testPayment: true);

        var ordered = events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
        var cut = ordered.FindIndex(e => e.EventId == "leg-0");

        var (_, afterWhole) = RestartReplay.AssertRestartChangesNothing(ordered, cut, "restart before leg-0");
        Assert.Contains(afterWhole, c => c.Alert.Rule == RuleIds.RapidDrain); // reached only if the restored run matched
    }

    [Fact]
    public void Bridge_DrainedInto_AnAddressTheAttackerBridgedToBefore_IsCaught()
    {
        var (run, _) = BridgeDrain(warmed: true);

        Assert.Contains(run.Alerts, a => a.WindowEnd >= AttackDay && a.EventIds.Any(id => id.StartsWith("leg-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Bridge_DrainedIntoANewAddress_IsCaught_Control()
    {
        var (run, _) = BridgeDrain(warmed: false);

        Assert.Contains(run.Alerts, a => a.WindowEnd >= AttackDay && a.EventIds.Any(id => id.StartsWith("leg-", StringComparison.Ordinal)));
    }

    private static (ScenarioRun Run, string Wallet) BridgeDrain(bool warmed)
    {
        // On a bridge the account is the initiating address: the attacker's own. He bridged $600,000 to his address the day
        // before (routine for the platform from then on), then forges ten $1M withdrawals to it within ten minutes.
        var bridge = Addresses.Evm("bridge-escrow");
        var attacker = Addresses.Evm("attacker");
        var events = new TrafficBuilder(43) { Platform = "eastbridge", Wallet = bridge, Assets = ["USDC"], EventsPerHour = 40 }.Between(Day0, AttackDay.AddHours(1)).ToList();
        if (warmed)
        {
            events.Add(EventBuilder.Withdrawal().Id("warm-up").Platform("eastbridge").From(bridge).Asset("USDC").Usd(600_000m).Account(attacker).To(attacker).At(AttackDay.AddHours(-20)));
        }

        for (var i = 0; i < 10; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").Platform("eastbridge").From(bridge).Asset("USDC").Usd(1_000_000m).Account(attacker).To(attacker).At(AttackDay.AddMinutes(i)));
        }

        return (ScenarioRun.Of(events.Select(e => e with { PlatformType = PlatformType.Bridge })), bridge);
    }
}
