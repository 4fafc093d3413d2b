using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A thief's transfers, made with the wallet's key outside the withdrawal system, are often reported by on-chain monitoring
/// that has no price for them: <c>amountUsd</c> absent, or 0. A withdrawal of a positive amount is never worth nothing, so
/// a reported 0 is a missing valuation and the reference price stands in, as it does for an absent one. A token without a
/// reference price is valued at the price of the wallet's own valued withdrawals of it over the long window.
/// </summary>
public sealed class MissingValuationTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Attack = Day0.AddDays(2).AddHours(14);
    private static readonly string HotWallet = Addresses.Evm("usdc-hot");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HotWalletDrainedInLegsReportedAtZeroUsd_IsCaughtAtTheReferencePrice(bool customersWithAccounts)
    {
        var events = new TrafficBuilder(44) { Wallet = HotWallet, Assets = ["USDC"], EventsPerHour = 60, MedianUsd = 1_500, WithAccounts = customersWithAccounts }
            .Between(Day0, Attack.AddHours(2)).ToList();
        for (var i = 0; i < 6; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(HotWallet).Asset("USDC").Units(700_000m, 0m).To(Addresses.Evm($"zero-{i}")).At(Attack.AddMinutes(i * 3)));
        }

        var run = ScenarioRun.Of(events);

        var first = run.Changes.First(c => c.Kind == AlertChangeKind.Raised && c.Alert.TriggerEventId.StartsWith("leg-", StringComparison.Ordinal)).Alert;
        Assert.Equal((RuleIds.RapidDrain, "leg-2"), (first.Rule, first.TriggerEventId));
        Assert.True(first.AmountUsd >= 2_100_000m, $"{first.AmountUsd}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HotWalletDrainedInUnvaluedLegsOfATokenWithoutAReferencePrice_IsCaughtAtItsCustomersPrice(bool customersWithAccounts)
    {
        // LINK at $15: the customers' withdrawals are valued by the withdrawal system, the thief's transfers not at all.
        var events = new TrafficBuilder(41) { Wallet = HotWallet, Assets = ["LINK"], MedianUsd = 1_500, WithAccounts = customersWithAccounts }
            .Between(Day0, Attack.AddHours(2)).Select(e => e with { Amount = Math.Round(e.AmountUsd!.Value / 15m, 8) }).ToList();
        for (var i = 0; i < 6; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(HotWallet).Asset("LINK").Units(53_000m, null).To(Addresses.Evm($"link-{i}")).At(Attack.AddMinutes(i * 4)));
        }

        var run = ScenarioRun.Of(events);

        var first = run.Changes.First(c => c.Kind == AlertChangeKind.Raised && c.Alert.TriggerEventId.StartsWith("leg-", StringComparison.Ordinal)).Alert;
        Assert.Equal((RuleIds.RapidDrain, "leg-2"), (first.Rule, first.TriggerEventId));
        Assert.InRange(first.AmountUsd, 2_385_000m, 2_600_000m);
        Assert.Equal(0, run.Engine.Counters.Unvalued);
    }

    [Fact]
    public void AWalletsFirstWithdrawalOfATokenWithoutAnyPrice_IsStillUnvalued()
    {
        var run = ScenarioRun.Of([EventBuilder.Withdrawal().From(HotWallet).Asset("NEWTOKEN").Units(1_000_000m, null).To(Addresses.Evm("anyone")).At(Attack)]);

        Assert.Equal(1, run.Engine.Counters.Unvalued);
        Assert.Contains("NEWTOKEN", run.Engine.UnvaluedAssets);
    }

    [Theory]
    [InlineData(11, 0)]
    [InlineData(13, 1)]
    public void AnUnpricedWithdrawalAfterTheWalletWasIdle_TakesAPriceOnlyFromWithdrawalsStillInTheLongWindow(int idleHours, int unvalued)
    {
        // The window has not moved on to the unpriced withdrawal when it is valued: a price from before the 12 hours is stale.
        var priced = EventBuilder.Withdrawal().Id("priced").From(HotWallet).Asset("LINK").Units(100m, 1_500m).To(Addresses.Evm("customer")).At(Attack);
        var unpriced = EventBuilder.Withdrawal().Id("unpriced").From(HotWallet).Asset("LINK").Units(100m, null).To(Addresses.Evm("customer"))
            .At(Attack.AddHours(idleHours));

        var run = ScenarioRun.Of([priced, unpriced]);

        Assert.Equal(unvalued, run.Engine.Counters.Unvalued);
    }

    [Fact]
    public void TryValueUsd_ZeroReportedForAPositiveAmount_TakesTheReferencePrice()
    {
        var rules = DetectionRules.Default;

        Assert.True(rules.TryValueUsd(EventBuilder.Withdrawal().Asset("ETH").Units(2m, 0m).Build(), out var eth));
        Assert.False(rules.TryValueUsd(EventBuilder.Withdrawal().Asset("NOPRICE").Units(2m, 0m).Build(), out var unpriced));
        Assert.True(rules.TryValueUsd(EventBuilder.Withdrawal().Asset("NOPRICE").Units(2m, 0.01m).Build(), out var reported));

        Assert.Equal((6_000m, 0m, 0.01m), (eth, unpriced, reported));
    }
}
