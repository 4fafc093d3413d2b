using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A young wallet (no baseline yet) drained in legs of $50,000–$170,000: exporting the engine anywhere in the stream and
/// importing it into a fresh one changes neither the alerts that follow nor the wallet's snapshot (its cold-start legs
/// round-trip), with neighbouring events sometimes swapped within the allowed lateness.
/// </summary>
public sealed class ColdStartRestartPropertyTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ColdStart_ImportAnywhere_ThenContinue_GivesTheSameChanges()
    {
        var fired = 0;
        var legsAtCut = 0;
        var afterLeg = 0;
        Gen.Select(Gen.Int[1, 10_000], Gen.Int[30, 200], Gen.Int[3, 9], Gen.Int[50, 170], Gen.Double[0.0, 1.0], Gen.Bool)
            .Sample((seed, attackMinute, legCount, legK, cutAt, jitter) =>
            {
                var random = new Random(seed);
                var hot = Addresses.Evm("cold-prop");
                var attack = Day0.AddMinutes(attackMinute);
                var events = new TrafficBuilder(seed) { Wallet = hot, Assets = ["ETH"], StartingBalanceUsd = 600_000m, EventsPerHour = 40 + random.Next(60) }
                    .Between(Day0, attack.AddMinutes(20)).ToList();
                var balance = events.Where(e => e.Timestamp < attack).Select(e => e.BalanceAfter).LastOrDefault() ?? 600_000m;
                events.RemoveAll(e => e.Timestamp >= attack);
                for (var i = 0; i < legCount; i++)
                {
                    var usd = legK * 1_000m;
                    balance = Math.Max(0, balance - usd);
                    events.Add(EventBuilder.Withdrawal().Id($"leg-{seed}-{i}").From(hot).Asset("ETH").Usd(usd).Balance(balance).To(Addresses.Evm($"thief-{seed}-{i % 2}")).At(attack.AddSeconds(50 * (i + 1))));
                }

                var ordered = RestartReplay.InTimeOrder(events, random, jitter);
                // Half the runs cut anywhere, half after the first leg (so the snapshot holds cold-start legs).
                var firstLeg = ordered.FindIndex(e => e.EventId.StartsWith("leg-", StringComparison.Ordinal));
                var cut = cutAt < 0.5 ? (int)(cutAt * 2 * ordered.Count) : firstLeg + 1 + (int)((cutAt - 0.5) * 2 * (ordered.Count - firstLeg - 1));
                if (cutAt >= 0.5)
                {
                    Interlocked.Increment(ref afterLeg);
                }

                var (atCut, afterCut) = RestartReplay.AssertRestartChangesNothing(ordered, cut, $"seed {seed}, cut {cut}");
                if (afterCut.Count > 0)
                {
                    Interlocked.Increment(ref fired);
                }

                if (atCut.ExportAll().Where(e => e.Payload[1] == 'w').Any(e => ((WalletAssetState)DetectorStateCodec.Decode(e, DetectionRules.Default)).Short.ColdStartLegCount > 0))
                {
                    Interlocked.Increment(ref legsAtCut);
                }
            }, iter: 150);
        // Not vacuous: many runs were cut with cold-start legs in the window, and many raised alerts after the cut.
        Assert.True(afterLeg > 10 && legsAtCut >= afterLeg, $"{legsAtCut} runs were cut with cold-start legs in the window, {afterLeg} after the first leg");
        Assert.True(fired > 10, $"only {fired} runs raised anything after the cut");
    }
}
