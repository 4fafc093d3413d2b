using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// After a hot wallet's key is used to drain several assets, the drained pairs' windows hold the theft for a while, and
/// each customer withdrawal of one of those pairs meets the platform alert's bar again. Under the growth minimum it only
/// keeps the alert open: no change, and, since the finding would be dropped, none is worded (no sentence, no evidence);
/// the theft's next leg still grows the same alert.
/// </summary>
public sealed class OpenMultiAssetAlertQuietWithdrawalTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Theft = Day0.AddDays(2).AddHours(10).AddMinutes(34);
    private static readonly string Hot = Addresses.Evm("hot");

    [Fact]
    public void CustomerWithdrawalsOfADrainedPair_KeepTheAlertOpenWithoutAChangeOrAnAllocation()
    {
        var allocating = AllocatingEvents.InEveryRunOf(2, () =>
        {
            // Full duplicate memory from the start, so remembering the ids allocates nothing either.
            var engine = new DetectionEngine(DetectionRules.Default, Watchlist.Empty, duplicateMemory: 1_024);
            var sink = new AlertChangeRecorder();
            var theft = TheftAfterTwoDaysOfTraffic();
            foreach (var e in theft)
            {
                engine.Process(e, sink);
            }

            var raised = Assert.Single(sink.Changes, c => c.Alert.Rule == RuleIds.MultiAssetDrain);
            Assert.Equal((AlertChangeKind.Raised, "leg-2"), (raised.Kind, raised.Alert.TriggerEventId));
            var (changesBefore, evaluatedBefore) = (sink.Changes.Count, engine.Counters.Evaluated);

            // One customer, whose account and address the engine meets in the first of these, then withdraws USDT again and again.
            var quiet = Enumerable.Range(0, 40)
                .Select(i => EventBuilder.Withdrawal().Id($"quiet-{i}").From(Hot).Asset("USDT").Usd(900m).Balance(UsdtLeft(theft) - (900m * (i + 1)))
                    .Account("acct-quiet").To(Addresses.Evm("quiet-customer")).At(Theft.AddMinutes(4).AddSeconds(10 * i)).Build())
                .ToArray();
            for (var i = 0; i < 10; i++)
            {
                engine.Process(quiet[i], sink);
            }

            var measured = AllocatingEvents.Of(engine, quiet[10..], sink);

            Assert.Equal(quiet.Length, engine.Counters.Evaluated - evaluatedBefore);
            Assert.Equal(changesBefore, sink.Changes.Count);

            // The alert was kept open, not let go: the next leg of the theft grows that same alert.
            var nextLeg = EventBuilder.Withdrawal().Id("leg-3").From(Hot).Asset("USDT").Usd(100_000m).Balance(UsdtLeft(theft) - (900m * quiet.Length) - 100_000m)
                .To(Addresses.Evm("attacker-3")).At(quiet[^1].Timestamp.AddSeconds(10)).Build();
            engine.Process(nextLeg, sink);
            var grown = Assert.Single(sink.Changes.Skip(changesBefore), c => c.Alert.Rule == RuleIds.MultiAssetDrain);
            Assert.Equal((AlertChangeKind.Updated, raised.Alert.AlertId, "leg-3"), (grown.Kind, grown.Alert.AlertId, grown.Alert.EventIds[^1]));
            return measured;
        });

        Assert.Empty(allocating);
    }

    /// <summary>
    /// A hot wallet holding $20M of each of USDT, ETH and USDC (priced at 1, so units are USD) loses 90% of each to its own
    /// new address within three minutes, each leg reporting the balance it left.
    /// </summary>
    private static List<WithdrawalEvent> TheftAfterTwoDaysOfTraffic()
    {
        var events = new TrafficBuilder(2) { Wallet = Hot, Assets = ["USDT", "ETH", "USDC"], EventsPerHour = 60, StartingBalanceUsd = 20_000_000m }
            .Between(Day0, Theft.AddMinutes(-4)).ToList();
        string[] assets = ["USDT", "ETH", "USDC"];
        for (var i = 0; i < assets.Length; i++)
        {
            var held = events.Last(e => e.Asset == assets[i]).BalanceAfter!.Value;
            var leg = Math.Round(held * 0.9m, 2);
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(Hot).Asset(assets[i]).Usd(leg).Balance(held - leg).To(Addresses.Evm($"attacker-{i}")).At(Theft.AddMinutes(i)).Build());
        }

        return events;
    }

    private static decimal UsdtLeft(List<WithdrawalEvent> theft) => theft.Single(e => e.EventId == "leg-0").BalanceAfter!.Value;
}
