using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Ordinary users of a bridge or DeFi pool: heavy-tailed sizes (a median of $4,000, a mean near $20,000, the odd million),
/// most users new to the platform, and each withdrawal initiated by the address it pays (on these platforms the account is
/// the initiating address). Seeded, like <see cref="TrafficBuilder"/>, which draws the withdrawals.
/// </summary>
internal static class BridgeTraffic
{
    public static IEnumerable<WithdrawalEvent> Of(
        int seed, string platform, string wallet, string[] assets, DateTimeOffset from, DateTimeOffset to,
        PlatformType type = PlatformType.Bridge, string chain = "ethereum", double eventsPerHour = 30, double maxUsd = 5_000_000, decimal? startingBalanceUsd = null) =>
        new TrafficBuilder(seed, customers: 3_000)
        {
            Platform = platform, Wallet = wallet, Assets = assets, EventsPerHour = eventsPerHour, MedianUsd = 4_000, Sigma = 1.8, MaxUsd = maxUsd,
            StartingBalanceUsd = startingBalanceUsd,
        }
            .Between(from, to)
            .Select(e => e with { PlatformType = type, Chain = chain, AccountId = e.DestinationAddress });
}
