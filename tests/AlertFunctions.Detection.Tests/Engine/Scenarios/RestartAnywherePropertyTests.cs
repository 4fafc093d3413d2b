using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Restart anywhere in streams exercising this stop's state: fan-in account times, dust-paid addresses, routine withdrawals, the platform join.</summary>
public sealed class RestartAnywherePropertyTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RestartAnywhere_ChangesNothing(int seed)
    {
        var random = new Random(seed);
        var ordered = RestartReplay.InTimeOrder(Stream(seed), random, jitter: true);
        var cuts = Enumerable.Range(0, 25).Select(_ => random.Next(ordered.Count - 200, ordered.Count)).Distinct().Order().ToList();
        foreach (var cut in cuts)
        {
            try
            {
                RestartReplay.AssertRestartChangesNothing(ordered, cut, $"seed {seed}, cut {cut} at {ordered[cut].Timestamp:HH:mm}");
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}, cut {cut} at {ordered[cut].Timestamp:dd HH:mm:ss} ({ordered[cut].EventId}); {ex.Message[..Math.Min(3000, ex.Message.Length)]}");
            }
        }
    }

    private static List<WithdrawalEvent> Stream(int seed)
    {
        var hot = Addresses.Evm("hot-wallet");
        var events = new TrafficBuilder(seed) { Wallet = hot, Assets = ["USDT", "ETH"], EventsPerHour = 30, StartingBalanceUsd = 3_000_000m }.Between(Day0, Day0.AddDays(2).AddHours(6)).ToList();
        var attack = Day0.AddDays(2);
        var collector = Addresses.Evm("collector");
        var thief = Addresses.Evm("thief");
        events.Add(EventBuilder.Withdrawal().Id("dust").From(hot).Usd(20m).To(thief).At(Day0.AddHours(5)));
        events.Add(EventBuilder.Withdrawal().Id("test-payment").From(hot).Usd(1_500m).Account("thief-acct").To(collector).At(attack.AddHours(-2)));
        for (var i = 0; i < 12; i++)
        {
            var address = Addresses.Evm($"institution-{i}");
            events.Add(EventBuilder.Withdrawal().Id($"earlier-{i}").From(hot).Usd(1_500_000m).Account($"inst-{i}").To(address).At(Day0.AddHours(2 + (2 * i))));
            events.Add(EventBuilder.Withdrawal().Id($"month-end-{i}").From(hot).Usd(2_000_000m + (75_000m * i)).Account($"inst-{i}").To(address).At(attack.AddMinutes(-200 + (15 * i))));
        }

        for (var i = 0; i < 10; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"victim-{i}").From(hot).Usd(3_000m).Account($"victim-{i}").To(collector).At(attack.AddMinutes(i < 5 ? 7 * i : 90 + (7 * i))));
        }

        for (var i = 0; i < 4; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"sweep-{i}").From(Addresses.Evm($"payout-{i}")).Usd(300_000m).Balance(5m).To(thief).At(attack.AddMinutes(30 + i)));
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset("USDT").Usd(400_000m).To(thief).At(attack.AddMinutes(31 + (3 * i))));
        }

        return events;
    }
}
