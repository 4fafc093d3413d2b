using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A thief who knows that new addresses are watched warms his collector days ahead: he opens an account and withdraws a
/// few thousand to it, or pays it from the stolen key, so the platform has paid it before. Then he drains the busy hot
/// wallet into it in $400,000 transfers made with the key (no account), each far more than the address ever received.
/// </summary>
public sealed class WarmedCollectorTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Attack = Day0.AddDays(2).AddHours(14);
    private static readonly string HotWallet = Addresses.Evm("warm-usdt-hot");
    private static readonly string Collector = Addresses.Evm("warmed-collector");

    [Theory]
    [InlineData(5_000, "acct-thief")]
    [InlineData(60_000, "acct-thief")]
    [InlineData(60_000, null)]
    public void DrainIntoAnAddressPaidAFractionOfALegDaysBefore_IsCaughtAsIfTheAddressWereNew(int warmUpUsd, string? warmUpAccount)
    {
        var events = Customers(60);
        events.Add(EventBuilder.Withdrawal().Id("warm-up").From(HotWallet).Usd(warmUpUsd).To(Collector).Account(warmUpAccount).At(Attack.AddDays(-2)));
        events.AddRange(Legs());

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal((RuleIds.RapidDrain, "leg-2"), (alert.Rule, run.Changes[0].Alert.TriggerEventId));
        Assert.Contains(Collector, alert.Destinations);
    }

    [Fact]
    public void KeyTransfersToAnAddressThePlatformPaidAsMuchBefore_StayRoutine()
    {
        // The platform settles with a counterparty from the hot wallet without an account, every few days, in sizes alike:
        // the address is known for transfers of that size.
        var events = Customers(61);
        events.Add(EventBuilder.Withdrawal().Id("earlier-settlement").From(HotWallet).Usd(300_000m).To(Collector).At(Attack.AddDays(-2)));
        events.AddRange(Legs().Take(3));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Fact]
    public void GrowingLegsIntoAnAddressFirstPaidMinutesBefore_KeepCountingTowardsOneAlert()
    {
        // A leg more than twice the address's largest finds it unknown only when it was first paid before the long window:
        // taken as new again, the thief's fresh address would forget his first legs.
        var events = Customers(62);
        decimal[] legs = [300_000m, 900_000m, 400_000m];
        events.AddRange(legs.Select((usd, i) => EventBuilder.Withdrawal().Id($"leg-{i}").From(HotWallet).Usd(usd).To(Collector).At(Attack.AddMinutes(i * 5)).Build()));

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal((RuleIds.RapidDrain, "leg-2"), (alert.Rule, run.Changes[0].Alert.TriggerEventId));
        Assert.Equal(3, alert.EventIds.Count(id => id.StartsWith("leg-", StringComparison.Ordinal)));
    }

    private static IEnumerable<WithdrawalEvent> Legs() => Enumerable.Range(0, 8)
        .Select(i => EventBuilder.Withdrawal().Id($"leg-{i}").From(HotWallet).Usd(400_000m).To(Collector).At(Attack.AddMinutes(i * 5)).Build());

    /// <summary>A busy USDT hot wallet: 120 withdrawals an hour at a median of $1,500, each with its customer's account.</summary>
    private static List<WithdrawalEvent> Customers(int seed) =>
        new TrafficBuilder(seed) { Wallet = HotWallet, EventsPerHour = 120, MedianUsd = 1_500 }.Between(Day0, Attack.AddHours(6)).ToList();
}
