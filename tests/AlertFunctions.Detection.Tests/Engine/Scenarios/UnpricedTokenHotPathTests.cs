using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// The units test runs on every withdrawal nothing values: for known keys it must add no allocation to the engine's hot path.
/// </summary>
public sealed class UnpricedTokenHotPathTests
{
    [Fact]
    public void UnvaluedWithdrawalsOfKnownKeys_AllocateNothing()
    {
        var allocating = AllocatingEvents.InEveryRunOf(2, () =>
        {
            var events = UnpricedTokenScenario.Events(1, withBalances: true, withAccounts: true, attack: false, days: 3);
            var engine = new DetectionEngine(DetectionRules.Default, Watchlist.Empty);
            var sink = new AlertChangeRecorder();
            foreach (var e in events)
            {
                engine.Process(e, sink);
            }

            // The last hours' unvalued withdrawals again, an hour on, under new ids: every wallet, account and destination is known.
            var again = events.Where(e => e.AmountUsd is null && e.Timestamp >= events[^1].Timestamp.AddHours(-6))
                .Select((e, i) => e with { EventId = $"again-{i}", Timestamp = events[^1].Timestamp.AddHours(1).AddSeconds(i) }).ToArray();
            Assert.True(again.Length > 100, $"{again.Length} withdrawals");
            var half = again.Length / 2;
            for (var i = 0; i < half; i++)
            {
                engine.Process(again[i], sink);
            }

            var measured = AllocatingEvents.Of(engine, again[half..], sink);
            Assert.Empty(sink.Changes);
            return measured;
        });

        Assert.Empty(allocating);
    }
}
