using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A small exchange's hot wallet (customers withdrawing about $800, its largest routine withdrawal some tens of thousands)
/// emptied of most of its funds by one withdrawal under large-withdrawal's $1,000,000 floor, to an address never paid.
/// </summary>
public sealed class MostOfASmallHotWalletTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Theft = Day0.AddDays(2).AddHours(10);
    private static readonly string Hot = Addresses.Evm("small-hot");

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void OneWithdrawalOfMostOfTheBalance_UnderTheMillionFloor_IsCaughtAtThatWithdrawal(int seed, bool withAccount)
    {
        // $800,000 of a $1,000,000 wallet: withdrawn with the key (no account) or through a compromised withdrawal system.
        var events = SmallExchange(seed, withBalances: true);
        events.Add(EventBuilder.Withdrawal().Id("theft").From(Hot).Usd(800_000m).Balance(200_000m).To(Addresses.Evm("thief")).Account(withAccount ? "acct-taken-over" : null).At(Theft));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal((RuleIds.LargeWithdrawal, "theft", Severity.High), (alert.Rule, alert.TriggerEventId, alert.Severity));
        Assert.Contains("80% of the wallet's balance", alert.Summary, StringComparison.Ordinal);
        Assert.Contains("largest routine withdrawal", alert.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OneKeyTransferFarAboveTheLargestRoutine_WithoutBalances_IsCaught(int seed)
    {
        // No balanceAfter, but the wallet's customers' withdrawals carry accounts and this one has none: the wallet's key.
        var events = SmallExchange(seed, withBalances: false);
        events.Add(EventBuilder.Withdrawal().Id("theft").From(Hot).Usd(800_000m).To(Addresses.Evm("thief")).At(Theft));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal((RuleIds.LargeWithdrawal, "theft"), (alert.Rule, alert.TriggerEventId));
        Assert.Contains("without a customer account", alert.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AWhalesFirstWithdrawalOfMostOfAThinWallet_RaisesOneHighAlert_AndItsUsualAddressNoneLater(int seed)
    {
        // The accepted look-alike: nothing but the account tells a whale's first $800,000 to his new address from a thin wallet
        // from a compromised withdrawal system's. His next withdrawals to that address, once refilled, are routine.
        var events = SmallExchange(seed, withBalances: true);
        var whale = Addresses.Evm("whale-new");
        events.Add(EventBuilder.Withdrawal().Id("whale-first").From(Hot).Usd(800_000m).Balance(200_000m).To(whale).Account("acct-whale").At(Theft));
        events.Add(EventBuilder.Withdrawal().Id("whale-again").From(Hot).Usd(700_000m).Balance(300_000m).To(whale).Account("acct-whale").At(Theft.AddHours(5)));

        var alert = Assert.Single(ScenarioRun.Of(events).Alerts);

        Assert.Equal((RuleIds.LargeWithdrawal, "whale-first", Severity.High), (alert.Rule, alert.TriggerEventId, alert.Severity));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AWhalesWithdrawalUnderTheFloor_WithoutBalances_RaisesNothing(int seed)
    {
        // A customer's $800,000 to his new address: without a balance nothing says the wallet is thin, and he has an account.
        var events = SmallExchange(seed, withBalances: false);
        events.Add(EventBuilder.Withdrawal().Id("whale").From(Hot).Usd(800_000m).To(Addresses.Evm("whale-new")).Account("acct-whale").At(Theft));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void HalfTheBalanceAtTheLegSize_NotFarAboveTheLargestRoutine_RaisesNothing(int seed)
    {
        // A withdrawal of $300,000 from a wallet whose largest routine withdrawal this run is set at $60,000 (5x): taking 60%
        // of a thin wallet, but of a size this wallet has come near before.
        var events = SmallExchange(seed, withBalances: true);
        events.Add(EventBuilder.Withdrawal().Id("otc-usual").From(Hot).Usd(60_000m).Balance(500_000m).To(Addresses.Evm("otc-desk")).Account("acct-otc").At(Day0.AddHours(3)));
        events.Add(EventBuilder.Withdrawal().Id("otc").From(Hot).Usd(300_000m).Balance(200_000m).To(Addresses.Evm("otc-new")).Account("acct-otc").At(Theft));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ThinHotWalletRunDownAndRefilled_ForDays_RaisesNothing(int seed)
    {
        var events = new TrafficBuilder(seed) { Wallet = Hot, Assets = ["USDT", "ETH"], EventsPerHour = 30, MedianUsd = 800, StartingBalanceUsd = 150_000m }
            .Between(Day0, Day0.AddDays(4));

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    /// <summary>Two days and ten hours of a small exchange's USDT customers (30 an hour, $800 median, accounts), $1,000,000 wallet.</summary>
    private static List<WithdrawalEvent> SmallExchange(int seed, bool withBalances) =>
        new TrafficBuilder(seed) { Wallet = Hot, Assets = ["USDT"], EventsPerHour = 30, MedianUsd = 800, StartingBalanceUsd = withBalances ? 1_000_000m : null }
            .Between(Day0, Theft).ToList();
}
