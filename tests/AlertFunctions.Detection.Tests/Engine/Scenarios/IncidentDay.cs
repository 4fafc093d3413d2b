using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Two days of a hot wallet's ordinary traffic ending in a drain of six 900,000 USD legs to one address, with one
/// withdrawal to a sanctioned address on the way: input that raises alerts of several rules, for tests that compare
/// whole runs (determinism, duplicates, hints that must change nothing).
/// </summary>
internal static class IncidentDay
{
    public static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    public static List<WithdrawalEvent> Events()
    {
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(20) { Wallet = hot, Assets = ["USDT", "ETH", "USDC"], StartingBalanceUsd = 8_000_000m }.Between(Day0, Day0.AddDays(2)).ToList();
        for (var i = 0; i < 6; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset(i % 2 == 0 ? "USDT" : "USDC").Usd(900_000m).To(Addresses.Evm("attacker")).At(Day0.AddDays(2).AddMinutes(-30 + (3 * i))));
        }

        events.Add(EventBuilder.Withdrawal().Id("sanctioned").Usd(5_000m).To("0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B").At(Day0.AddDays(1)));
        return events;
    }
}
