using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A market-wide crash on an exchange with several hot wallets: withdrawals come several times as often for hours, over
/// many assets at once, and whales take $0.4-2.4M each to new self-custody addresses from whichever hot wallet pays them.
/// </summary>
public sealed class MarketCrashTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Crash = Day0.AddDays(3).AddHours(13);

    [Theory]
    [InlineData(1, 8.0)]
    [InlineData(3, 6.0)]
    [InlineData(5, 5.0)]
    public void WhalesLeavingForNewAddressesFromSeveralHotWallets_AreNotAMultiAssetDrain(int seed, double rushMultiple)
    {
        var run = ScenarioRun.Of(CrashDay(seed, rushMultiple, whalesHaveAccounts: true));

        Assert.Empty(run.AlertsOf(RuleIds.MultiAssetDrain));
    }

    [Theory]
    [InlineData(1, 8.0)]
    [InlineData(2, 10.0)]
    [InlineData(3, 6.0)]
    [InlineData(4, 8.0)]
    public void WhalesLeavingForNewAddressesFromSeveralHotWallets_AreNotATrickle(int seed, double rushMultiple)
    {
        // Six or more whales over the crash's hours send 20x the usual size to addresses first paid within 12 hours, as
        // many as a thief's chunks; each carries its own customer account, which a key's transfer does not.
        var run = ScenarioRun.Of(CrashDay(seed, rushMultiple, whalesHaveAccounts: true));

        // A crash of 8-10x the withdrawals may pass 30x the learned outflow, a volume test meant to fire; the trickle test must not.
        Assert.DoesNotContain(run.AlertsOf(RuleIds.RapidDrain), a => a.Summary.Contains("addresses first paid within", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameLegsWithoutAnAccount_StillRaiseMultiAssetDrain()
    {
        // The control: sent with the wallets' keys (no customer account), the same legs are a drain over several pairs.
        var run = ScenarioRun.Of(CrashDay(1, 8.0, whalesHaveAccounts: false));

        Assert.NotEmpty(run.AlertsOf(RuleIds.MultiAssetDrain));
    }

    private static List<WithdrawalEvent> CrashDay(int seed, double rushMultiple, bool whalesHaveAccounts)
    {
        var hots = Enumerable.Range(0, 3).Select(i => Addresses.Evm($"crash-hot-{i}")).ToArray();
        var events = new List<WithdrawalEvent>();
        for (var w = 0; w < hots.Length; w++)
        {
            events.AddRange(new TrafficBuilder((seed * 7) + w, customers: 8_000)
            {
                Wallet = hots[w], Assets = ["USDT", "ETH", "BTC", "USDC"], EventsPerHour = 100, MedianUsd = 1_200, Rush = (Crash, Crash.AddHours(5), rushMultiple),
            }.Between(Day0, Day0.AddDays(4)));
        }

        var random = new Random(seed);
        for (var i = 0; i < 12; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"whale-{seed}-{i}").From(hots[random.Next(hots.Length)]).Asset(i % 2 == 0 ? "USDT" : "USDC")
                .Usd(400_000m + random.Next(2_000_000)).To(Addresses.Evm($"whale-self-custody-{seed}-{i}")).Account(whalesHaveAccounts ? $"acct-whale-{i}" : null)
                .At(Crash.AddMinutes(random.NextDouble() * 300)));
        }

        return events;
    }
}
