using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A wallet/asset whose large transfer an alert already reported keeps a low balance for hours while its customers keep
/// withdrawing: the 12-hour balance drop still holds that transfer, and a customer's withdrawal must not post it again.
/// A new drain of the same wallet, in legs, must still be raised.
/// </summary>
public sealed class ReportedDrainRepeatTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Taken = Day0.AddDays(2).AddHours(10);

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void AWhaleTakingMostOfTheWallet_IsOneAlert_ThoughTheBalanceStaysLowForHours(int seed)
    {
        // The whale's $3,000,000 to a new address, 88% of the USDT float, is a large withdrawal (5x the largest routine one).
        // The float is not refilled for hours; before, a customer's withdrawal 1-3 hours later raised a rapid-drain alert on
        // the 12-hour balance drop, the whale's withdrawal a second time.
        var (events, hot) = WalletLeftLow(seed);
        events.Add(EventBuilder.Withdrawal().Id("whale").From(hot).Usd(3_000_000m).Balance(400_000m).To(Addresses.Evm("whale-new")).Account("acct-whale").At(Taken));

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.Alerts);
        Assert.Equal((RuleIds.LargeWithdrawal, "whale"), (alert.Rule, alert.TriggerEventId));
    }

    [Fact]
    public void AThiefsLegsHoursAfterAWhalesReportedWithdrawal_StillRaiseTheDrain()
    {
        // Three hours after the whale, a stolen key sends four $90,000 legs to a new address, two minutes apart: legs of the
        // leg minimum or more are not ordinary withdrawals, so the whale's reported withdrawal in the long window hides none.
        var legs = Enumerable.Range(0, 4).Select(i => (WithdrawalEvent)EventBuilder.Withdrawal().Id($"leg-{i}").Usd(90_000m).To(Addresses.Evm("thief"))
            .At(Taken.AddHours(3).AddMinutes(2 * i)));
        var (events, hot) = WalletLeftLow(33, legs);
        events.Add(EventBuilder.Withdrawal().Id("whale").From(hot).Usd(3_000_000m).Balance(400_000m).To(Addresses.Evm("whale-new")).Account("acct-whale").At(Taken));

        var run = ScenarioRun.Of(events);

        var drain = Assert.Single(run.AlertsOf(RuleIds.RapidDrain));
        Assert.Equal("leg-0", drain.TriggerEventId); // over half of what the wallet still held: the hour's balance drop
        Assert.Contains(Addresses.Evm("thief"), drain.Destinations);
    }

    /// <summary>
    /// Two days of a hot wallet's USDT customers with a $3.4M float, then five hours unrefilled after <see cref="Taken"/> from
    /// the $400,000 the whale leaves, with <paramref name="later"/> withdrawals (of this wallet) among the customers'.
    /// </summary>
    private static (List<WithdrawalEvent> Events, string Wallet) WalletLeftLow(int seed, IEnumerable<WithdrawalEvent>? later = null)
    {
        var hot = Addresses.Evm($"whale-hot-{seed}");
        var events = new TrafficBuilder(seed) { Wallet = hot, StartingBalanceUsd = 3_400_000m }.Between(Day0, Taken).ToList();
        var balance = 400_000m;
        var after = new TrafficBuilder(seed + 1) { Wallet = hot }.Between(Taken.AddSeconds(1), Taken.AddHours(5)).Concat((later ?? []).Select(e => e with { SourceWallet = hot }));
        foreach (var e in after.OrderBy(e => e.Timestamp))
        {
            balance -= e.AmountUsd!.Value;
            events.Add(e with { BalanceAfter = Math.Max(balance, 0m) });
        }

        return (events, hot);
    }
}
