using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A small exchange's hot wallet (ETH and USDT, customers withdrawing about $800) drained in eight legs, $680,000 in all,
/// into one address within minutes, two days and ten hours after the stream starts; optionally after the thief tested that
/// address with $20 from the hot wallet two days before.
/// </summary>
internal static class SmallExchangeDrain
{
    private static readonly DateTimeOffset Start = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DrainStart = Start.AddDays(2).AddHours(10);

    public static string HotWallet { get; } = Addresses.Evm("small-hot");

    public static string Thief { get; } = Addresses.Evm("thief");

    /// <summary>Event ids <c>leg-0</c> … <c>leg-7</c>, and <c>test-payment</c> when asked for.</summary>
    public static List<WithdrawalEvent> Events(bool testPayment)
    {
        var events = new TrafficBuilder(23) { Wallet = HotWallet, Assets = ["ETH", "USDT"], EventsPerHour = 30, MedianUsd = 800 }.Between(Start, DrainStart).ToList();
        if (testPayment)
        {
            events.Add(EventBuilder.Withdrawal().Id("test-payment").From(HotWallet).Asset("USDT").Usd(20m).To(Thief).At(Start.AddHours(10)));
        }

        (string Asset, decimal Usd)[] legs = [("ETH", 120_000m), ("ETH", 90_000m), ("ETH", 70_000m), ("ETH", 40_000m), ("USDT", 150_000m), ("USDT", 90_000m), ("USDT", 70_000m), ("USDT", 50_000m)];
        for (var i = 0; i < legs.Length; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(HotWallet).Asset(legs[i].Asset).Usd(legs[i].Usd).To(Thief).At(DrainStart.AddMinutes(i + 1)));
        }

        return events;
    }
}
