using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Watchlists;
using CsCheck;

using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Any stream the contract accepts must be processed: an exception inside detection would fail its Event Hubs batch on
/// every retry and hold the partition. Streams mix amounts from dust to the contract's limits, balances, missing values,
/// mixer denominations, a few wallets, accounts and destinations (so windows, baselines and episodes build up), and
/// timestamps out of order and far apart; they run at default settings and with every setting at its bound.
/// </summary>
public sealed class EngineRobustnessPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<decimal> AssetUnits = Gen.OneOf(
        Gen.Const(AmountLimits.MaxAssetUnits),
        Gen.Const(0.0000000000000000000000000001m),
        Gen.Const(10m),
        Gen.Select(Gen.Long[1, long.MaxValue], Gen.Int[0, 28], (mantissa, scale) => Math.Min(AmountLimits.MaxAssetUnits, new decimal(unchecked((int)mantissa), unchecked((int)(mantissa >> 32)), 0, false, (byte)scale))));

    private static readonly Gen<decimal?> Usd = Gen.OneOf(
        Gen.Const((decimal?)null),
        Gen.Const<decimal?>(0m),
        Gen.Const<decimal?>(AmountLimits.MaxUsd),
        Gen.Select(Gen.Long[0, 1_000_000_000_000_000], Gen.Int[0, 10], (mantissa, scale) => (decimal?)(mantissa / (decimal)Math.Pow(10, scale))));

    private static readonly Gen<WithdrawalEvent> Event = Gen.Select(
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 40], Gen.Int[0, 12], AssetUnits, Usd),
        Gen.Select(Gen.OneOf(Gen.Const((decimal?)null), AssetUnits.Select(a => (decimal?)a)), Gen.Long[0, TimeSpan.FromDays(20).Ticks], Gen.Int[0, 1_000_000]),
        (a, b) => new WithdrawalEvent
        {
            EventId = $"e-{b.Item3}",
            Platform = a.Item1 == 0 ? "p-a" : "p-b",
            Chain = "ethereum",
            Asset = a.Item2 switch { 0 => "ETH", 1 => "USDT", 2 => "WBTC", _ => "NEWT" },
            Amount = a.Item5,
            AmountUsd = a.Item6,
            SourceWallet = $"0x{a.Item2 % 2 + 0xaaaa:x40}",
            BalanceAfter = b.Item1,
            AccountId = a.Item4 == 0 ? null : $"acct-{a.Item4}",
            DestinationAddress = a.Item3 == 0 ? "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf" : $"0x{a.Item3:x40}",
            Timestamp = Start.AddTicks(b.Item2),
        });

    [Fact]
    public void Process_AnyAcceptedStream_NeverThrows()
    {
        Gen.Select(Event.Array[50, 600], Gen.Bool).Sample((events, atBounds) =>
        {
            var run = ScenarioRun.Of(events, atBounds ? RulesAtTheirBounds.Rules : null);

            Assert.Equal(events.Length, run.Engine.Counters.Received);
        }, iter: 150);
    }

    [Fact]
    public void Process_AnyAcceptedStream_AlertEvidenceIsCappedDistinctProcessedAndOnlyGrows()
    {
        Gen.Select(Event.Array[50, 600], Gen.Bool).Sample((events, atBounds) =>
        {
            var run = ScenarioRun.Of(events, atBounds ? RulesAtTheirBounds.Rules : null);
            var processed = events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            var previous = new Dictionary<string, Alert>(StringComparer.Ordinal);

            foreach (var alert in run.Changes.Select(c => c.Alert))
            {
                Assert.InRange(alert.EventIds.Count, 1, Alert.MaxEvidence);
                Assert.InRange(alert.Destinations.Count, 1, Alert.MaxDestinations);
                Assert.InRange(alert.TxHashes.Count, 0, Alert.MaxEvidence);
                Assert.Equal(alert.EventIds.Count, alert.EventIds.Distinct(StringComparer.Ordinal).Count());
                Assert.Equal(alert.Destinations.Count, alert.Destinations.Distinct(AddressComparer.Instance).Count());
                Assert.All(alert.EventIds, id => Assert.Contains(id, processed));
                Assert.True(alert.EventIds.Contains(alert.TriggerEventId) || alert.EventIdsOmitted > 0, $"{alert.AlertId} names neither its trigger nor an omission");
                if (previous.TryGetValue(alert.AlertId, out var before))
                {
                    Assert.Equal(before.EventIds, alert.EventIds.Take(before.EventIds.Count));
                    Assert.Equal(before.Destinations, alert.Destinations.Take(before.Destinations.Count));
                    Assert.True(alert.EventIdsOmitted >= before.EventIdsOmitted && alert.DestinationsOmitted >= before.DestinationsOmitted);
                }

                previous[alert.AlertId] = alert;
            }
        }, iter: 150);
    }
}
