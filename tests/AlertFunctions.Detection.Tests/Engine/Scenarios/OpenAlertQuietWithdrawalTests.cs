using AlertFunctions.Detection.Alerts;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// While a wallet's rapid-drain alert is open, a withdrawal under the growth minimum is not part of the drain: it keeps the
/// alert open without a change, unless the finding it brings is more severe than the alert, which then escalates.
/// </summary>
public sealed class OpenAlertQuietWithdrawalTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CustomerWithdrawalsAfterADrain_KeepTheAlertOpenWithoutAChange()
    {
        var run = ScenarioRun.Of([.. DrainOfTheBalance(), Customer("after-1", balanceAfter: 399m, minutes: 20), Customer("after-2", balanceAfter: 398m, minutes: 40)]);

        var change = Assert.Single(run.Changes, c => c.Alert.Rule == RuleIds.RapidDrain);
        Assert.Equal((AlertChangeKind.Raised, Severity.High), (change.Kind, change.Alert.Severity));
    }

    [Fact]
    public void CustomerWithdrawalReportingTheWalletAlmostEmpty_EscalatesTheOpenAlertToCritical()
    {
        // The thief also moved funds by a path the producer does not stream (a contract call): the customer's withdrawal,
        // far under the growth minimum, reports the balance that is left.
        var run = ScenarioRun.Of([.. DrainOfTheBalance(), Customer("after-1", balanceAfter: 40m, minutes: 20)]);

        var changes = run.Changes.Where(c => c.Alert.Rule == RuleIds.RapidDrain).ToList();
        Assert.Equal([(AlertChangeKind.Raised, Severity.High), (AlertChangeKind.Escalated, Severity.Critical)], changes.Select(c => (c.Kind, c.Alert.Severity)));
        Assert.Equal(changes[0].Alert.AlertId, changes[1].Alert.AlertId);
        Assert.Equal("after-1", changes[1].Alert.EventIds[^1]);
    }

    /// <summary>A wallet holding 1,000 ETH ($3M) sends three 200 ETH legs to a new address within minutes: the balance falls 60%.</summary>
    private static IEnumerable<EventBuilder> DrainOfTheBalance()
    {
        yield return Customer("before", balanceAfter: 999m, minutes: 0);
        for (var i = 0; i < 3; i++)
        {
            yield return EventBuilder.Withdrawal().Id($"leg-{i}").From(Addresses.Evm("hot")).Asset("ETH").Units(200m, 600_000m).Balance(799m - (200m * i))
                .To(Addresses.Evm("thief")).At(Start.AddMinutes(1 + i));
        }
    }

    private static EventBuilder Customer(string id, decimal balanceAfter, int minutes) =>
        EventBuilder.Withdrawal().Id(id).From(Addresses.Evm("hot")).Asset("ETH").Units(1m, 3_000m).Balance(balanceAfter)
            .To(Addresses.Evm($"customer-{id}")).Account($"acct-{id}").At(Start.AddMinutes(minutes));
}
