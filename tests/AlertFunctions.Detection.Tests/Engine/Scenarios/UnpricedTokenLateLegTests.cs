using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A leg of a drain of tokens nothing prices that arrives late, within the allowed lateness, after a customer's withdrawal of
/// the same token made seconds after it (a key transfer seen by a chain watcher lags the exchange's own withdrawal records):
/// the pair's newest reported balance is then the customer's, after the leg, and is no sign the wallet was refilled for it.
/// Tokens withdrawn too rarely to have a usual size in units are judged by the emptied test alone.
/// </summary>
public sealed class UnpricedTokenLateLegTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Attack = Day0.AddDays(2).AddHours(14);
    private static readonly string Wallet = Addresses.Evm("rare-tokens-hot");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RarelyWithdrawnTokensEmptied_LegsArrivingAfterACustomersLaterWithdrawal_AreCaughtAsInOrder(int seed)
    {
        var (inOrder, legsLate) = Streams(seed);

        var expected = FirstRaised(inOrder);
        var late = FirstRaised(legsLate);

        Assert.Equal((RuleIds.MultiAssetDrain, "leg-2"), (expected?.Rule, expected?.TriggerEventId));
        Assert.Equal((RuleIds.MultiAssetDrain, "leg-2"), (late?.Rule, late?.TriggerEventId));
        Assert.Contains("of the pair's balance", late!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AWithdrawalFromAWalletRefilledJustBeforeIt_StillDoesNotCountAsEmptied()
    {
        // The refill test itself is kept for withdrawals in order: three thin wallets of rare tokens, each refilled for one
        // large withdrawal that leaves it near empty, raise nothing.
        var events = new List<WithdrawalEvent>();
        for (var token = 0; token < 3; token++)
        {
            var asset = $"RARE{token}";
            events.AddRange(History(new Random(token), asset, out var balance));
            var refilled = balance * 20;
            events.Add(Withdrawal($"big-{token}", asset, refilled * 0.95m, refilled * 0.05m, Addresses.Evm($"whale-new-{token}"), "acct-whale", Attack.AddMinutes(3 * token)));
        }

        Assert.Null(FirstRaised(events));
    }

    /// <summary>Three tokens nothing prices, each withdrawn eight times in two days, then emptied 98% one after another.</summary>
    private static (List<WithdrawalEvent> InOrder, List<WithdrawalEvent> LegsLate) Streams(int seed)
    {
        var random = new Random(seed);
        var history = new List<WithdrawalEvent>();
        var attack = new List<(WithdrawalEvent Leg, WithdrawalEvent Customer)>();
        for (var token = 0; token < 3; token++)
        {
            var asset = $"RARE{token}";
            history.AddRange(History(random, asset, out var balance));
            var at = Attack.AddMinutes(3 * token);
            var taken = Math.Round(balance * 0.98m, 6);
            var left = balance - taken;
            var leg = Withdrawal($"leg-{token}", asset, taken, left, Addresses.Evm($"thief-{token}"), null, at);
            var customer = Withdrawal($"customer-after-{token}", asset, Math.Round(left * 0.1m, 6), left - Math.Round(left * 0.1m, 6), Addresses.Evm("customer-usual"), "acct-customer", at.AddSeconds(20));
            attack.Add((leg, customer));
        }

        var ordered = history.OrderBy(e => e.Timestamp).ToList();
        return ([.. ordered, .. attack.SelectMany(p => new[] { p.Leg, p.Customer })], [.. ordered, .. attack.SelectMany(p => new[] { p.Customer, p.Leg })]);
    }

    private static IEnumerable<WithdrawalEvent> History(Random random, string asset, out decimal balance)
    {
        balance = 1_000_000m;
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < 8; i++)
        {
            var units = Math.Round(500m + (decimal)random.NextDouble() * 1_000m, 6);
            balance -= units;
            events.Add(Withdrawal($"{asset}-c{i}", asset, units, balance, Addresses.Evm($"customer-{random.Next(20)}"), $"acct-{i}", Attack.AddHours(-9 + i + random.NextDouble())));
        }

        return events;
    }

    private static WithdrawalEvent Withdrawal(string id, string asset, decimal units, decimal balanceAfter, string to, string? account, DateTimeOffset at) =>
        EventBuilder.Withdrawal().Id(id).Chain("solana").From(Wallet).Asset(asset).Units(units, null).Balance(balanceAfter).To(to).Account(account).At(at).Build();

    private static Alert? FirstRaised(IEnumerable<WithdrawalEvent> delivered)
    {
        var engine = new DetectionEngine(DetectionRules.Default, new Watchlist(WatchlistCsvReader.ReadEmbeddedDefault()));
        var sink = new AlertChangeRecorder();
        foreach (var e in delivered)
        {
            engine.Process(e, sink);
        }

        Assert.Equal(0, engine.Counters.Late);
        return sink.Changes.FirstOrDefault(c => c.Kind == AlertChangeKind.Raised).Alert;
    }
}
