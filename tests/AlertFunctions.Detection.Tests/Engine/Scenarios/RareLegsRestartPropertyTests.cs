using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Export/Import at any point of a stream long enough to judge sizes (days of heavy-tailed traffic, a trickle of chunks,
/// events up to the allowed lateness out of order) continues exactly like the uninterrupted engine: the same alert changes
/// and, at the end, the same snapshot bytes.
/// </summary>
public sealed class RareLegsRestartPropertyTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Bridge = Addresses.Evm("bridge-lock-prop");

    [Fact]
    public void ImportAnywhere_ThenContinue_GivesTheSameChangesAndSnapshotAsUninterrupted()
    {
        Gen.Select(Gen.Int[1, 10_000], Gen.Int[3, 4], Gen.Int[6, 24], Gen.Int[60, 400], Gen.Int[8, 40], Gen.Double[0.0, 1.0], Gen.Bool)
            .Sample((seed, days, chunks, chunkK, everyMinutes, cutAt, jitter) =>
            {
                var random = new Random(seed);
                var events = new TrafficBuilder(seed, customers: 3_000) { Wallet = Bridge, Assets = ["USDC"], EventsPerHour = 15, MedianUsd = 4_000, Sigma = 1.8, MaxUsd = 5_000_000, WithAccounts = false }
                    .Between(Day0, Day0.AddDays(days)).ToList();
                var attack = Day0.AddDays(days).AddHours(-8);
                for (var i = 0; i < chunks; i++)
                {
                    events.Add(EventBuilder.Withdrawal().Id($"chunk-{seed}-{i:D2}").From(Bridge).Asset("USDC").Usd(chunkK * 1_000m)
                        .To(Addresses.Evm($"exit-{seed}-{i}")).At(attack.AddMinutes(everyMinutes * i)));
                }

                var ordered = RestartReplay.InTimeOrder(events, random, jitter);

                // Cut between two chunks of the trickle (or, for a fraction above 0.9, just before it).
                var chunkAt = ordered.FindIndex(e => e.EventId == $"chunk-{seed}-{(int)(cutAt * (chunks - 1)):D2}");
                var cut = cutAt > 0.9 ? ordered.FindIndex(e => e.EventId.StartsWith($"chunk-{seed}-", StringComparison.Ordinal)) : chunkAt + 1;
                var (atCut, _) = RestartReplay.AssertRestartChangesNothing(ordered, cut, $"seed {seed}, cut {cut}");

                // The cut came after judging had begun: the property is about judged state, not an empty one.
                var wallet = (WalletAssetState)DetectorStateCodec.Decode(atCut.ExportAll().Single(e => e.Payload[1] == 'w'), DetectionRules.Default);
                Assert.True(wallet.Baseline.JudgedEvents > 0, $"nothing judged before the cut (seed {seed}, {days} days, cut {cut} of {ordered.Count})");
            }, iter: 100);
    }
}
