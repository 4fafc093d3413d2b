using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// An exchange's Solana hot wallet paying priced SOL and USDC and forty long-tail tokens nobody priced, for days, and
/// optionally the Upbit-shaped drain (2025-11-27): 23 of those tokens, $0.6–2.8M each, one key transfer per token taking
/// nearly its whole hot balance, to three attacker addresses in turn, over 54 minutes.
/// </summary>
internal static class UnpricedTokenScenario
{
    public static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Attack = Day0.AddDays(3).AddHours(14);
    public const int AttackLegs = 23;

    public static List<WithdrawalEvent> Events(int seed, bool withBalances, bool withAccounts, bool attack, int days = 4, Action<UnpricedTokenTraffic>? schedule = null)
    {
        var tokens = new UnpricedTokenTraffic(seed) { WithBalances = withBalances, WithAccounts = withAccounts };
        var end = Day0.AddDays(days);
        if (attack)
        {
            var random = new Random(seed);
            var drained = tokens.Tokens.OrderBy(_ => random.Next()).Take(AttackLegs).ToList();
            for (var i = 0; i < drained.Count; i++)
            {
                tokens.Legs.Add(new UnpricedTokenTraffic.Leg(
                    $"leg-{i:D2}", Attack.AddSeconds(i * 141), drained[i].Asset, 0.97m + ((decimal)random.NextDouble() * 0.03m), Addresses.Evm($"upbit-thief-{i % 3}")));
            }
        }

        schedule?.Invoke(tokens);
        var priced = new TrafficBuilder(seed + 1000)
        {
            Wallet = tokens.Wallet, Assets = ["SOL", "USDC"], EventsPerHour = 60, MedianUsd = 900, WithAccounts = withAccounts,
            StartingBalanceUsd = withBalances ? 3_000_000m : null,
        };
        return [.. priced.Between(Day0, end).Concat(tokens.Between(Day0, end)).OrderBy(e => e.Timestamp)];
    }
}
