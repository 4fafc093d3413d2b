using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Shapes of an exchange's routine operations, beside its customers' traffic, that must stay quiet at default settings.</summary>
public sealed class RoutineOperationsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void WhaleRoutine_ToItsUsualAddressFromADifferentHotWalletEachTime_RaisesNothing(int seed)
    {
        // Twice a day $1.5-2.5M to the same address, paid by whichever of five hot wallets the exchange picks: most wallets
        // never paid it, but the platform did, so the destination is routine whatever wallet sends.
        var wallets = Enumerable.Range(0, 5).Select(i => Addresses.Evm($"rotating-hot-{i}")).ToArray();
        var events = new List<WithdrawalEvent>();
        for (var w = 0; w < wallets.Length; w++)
        {
            events.AddRange(new TrafficBuilder((seed * 10) + w) { Wallet = wallets[w], Assets = ["USDT"], EventsPerHour = 30 }.Between(Day0, Day0.AddDays(7)));
        }

        var random = new Random(seed);
        for (var day = 0; day < 7; day++)
        {
            for (var k = 0; k < 2; k++)
            {
                events.Add(EventBuilder.Withdrawal().Id($"whale-{day}-{k}").From(wallets[random.Next(wallets.Length)]).Usd(1_500_000m + random.Next(1_000_000))
                    .To(Addresses.Evm("whale-usual")).Account("acct-whale").At(Day0.AddDays(day).AddHours(8 + (6 * k) + random.Next(4))));
            }
        }

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ThinHotWallet_RunDownToNearZeroByCustomersAndRefilled_RaisesNothing(int seed)
    {
        // A $400,000 hot wallet that customers empty to under 2% several times a day, refilled from cold each time
        // (refills are internal and not events of this wallet); every withdrawal reports the balance after it.
        var hot = Addresses.Evm("thin-hot");
        var balance = 400_000m;
        var events = new List<WithdrawalEvent>();
        foreach (var e in new TrafficBuilder(seed, customers: 3_000) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 80, MedianUsd = 2_000 }.Between(Day0, Day0.AddDays(4)))
        {
            balance -= e.AmountUsd!.Value;
            if (balance < 8_000m)
            {
                balance = 400_000m - e.AmountUsd.Value;
            }

            events.Add(e with { BalanceAfter = Math.Max(balance, 0m) });
        }

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void BusyHotWallets_SettlingWithMerchantsWithoutAnAccount_RaiseNoMultiAssetDrainAfterTheFirstDay(int seed)
    {
        // Three hot wallets of 300 customers' withdrawals an hour each pay merchants' settlements of $150,000-$300,000 to
        // a fresh address every two hours or so, without a customer account: a dozen a day among 7,200 withdrawals.
        string[] assets = ["USDT", "USDC", "ETH"];
        var events = new List<WithdrawalEvent>();
        var random = new Random(seed);
        for (var w = 0; w < assets.Length; w++)
        {
            var wallet = Addresses.Evm($"settling-hot-{w}");
            events.AddRange(new TrafficBuilder((seed * 13) + w, customers: 8_000) { Wallet = wallet, Assets = [assets[w]], EventsPerHour = 300, MedianUsd = 1_500 }
                .Between(Day0, Day0.AddDays(4)));
            for (var t = Day0.AddMinutes(17 + (w * 5)); t < Day0.AddDays(4); t = t.AddMinutes(100 + random.Next(40)))
            {
                events.Add(EventBuilder.Withdrawal().Id($"settlement-{w}-{t:MMddHHmm}").From(wallet).Asset(assets[w]).Usd(150_000m + random.Next(150_000))
                    .To(Addresses.Evm($"merchant-{w}-{t:MMddHHmm}")).At(t).Build());
            }
        }

        var run = ScenarioRun.Of(events);

        // The first day, before the wallets have learned their share, is a known gap (see PacedChunksTests).
        Assert.DoesNotContain(run.AlertsOf(RuleIds.MultiAssetDrain), a => a.WindowEnd >= Day0.AddDays(1));
    }

    [Fact]
    public void NewListing_AirdropClaimsWithoutAPrice_RaiseNothing()
    {
        // 3,000 withdrawals of a token with no amountUsd and no reference price in eight hours, a quarter of them a round
        // 1,000 units: valued at 0, they can alert only through the watchlist or a mixer denomination, and 1,000 NEWT is none.
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(1) { Wallet = hot, Assets = ["USDT"], EventsPerHour = 60 }.Between(Day0, Day0.AddDays(2)).ToList();
        var random = new Random(1);
        for (var i = 0; i < 3_000; i++)
        {
            var units = random.Next(4) == 0 ? 1_000m : Math.Round((decimal)(random.NextDouble() * 5_000), 2) + 1;
            events.Add(EventBuilder.Withdrawal().Id($"claim-{i}").From(hot).Asset("NEWT").Units(units, null).To(Addresses.Evm($"claimant-{i % 2_000}"))
                .Account($"acct-claimant-{i % 2_000}").At(Day0.AddDays(1).AddHours(10).AddSeconds(random.Next(8 * 3_600))));
        }

        Assert.Empty(ScenarioRun.Of(events).Alerts);
    }
}
