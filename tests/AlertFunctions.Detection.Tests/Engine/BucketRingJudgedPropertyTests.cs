using AlertFunctions.Detection.Engine;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

/// <summary>
/// The judged bookkeeping against a model: every event kept with its bucket, the window recomputed from scratch. Events come
/// out of order (late ones within the window and beyond it), some windows jump far ahead, and the ring is saved and read
/// back mid-stream.
/// </summary>
public sealed class BucketRingJudgedPropertyTests
{
    private const int Buckets = 4;
    private static readonly TimeSpan Width = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RareLegsAndLearnedSizes_MatchAModel_AcrossLateEventsJumpsAndASaveAndRead()
    {
        var step = Gen.Select(Gen.Int[-300, 600], Gen.Int[0, 3], Gen.Int[1, 1_000], Gen.Bool);
        Gen.Select(step.Array[1, 80], Gen.Int[0, 80]).Sample((steps, saveAt) =>
        {
            var ring = new BucketRing(Buckets, Width);
            var learner = new Baseline(10);
            var model = new List<(long Bucket, decimal Usd, bool Rare, bool Leg)>();
            long judgedLeft = 0, head = long.MinValue;
            var now = T0;
            for (var i = 0; i < steps.Length; i++)
            {
                if (i == saveAt)
                {
                    (ring, learner) = SaveAndRead(ring, learner);
                }

                var (seconds, kind, usd, jump) = steps[i];
                var t = now.AddSeconds(jump ? seconds * 10 : seconds / 4);
                if (t > now)
                {
                    now = t;
                }

                var rare = kind >= 2;
                var leg = kind == 3;
                var bucket = ring.BucketOf(t);
                if (ring.TryAdd(t, usd, 1m, null, learner))
                {
                    Assert.True(ring.MarkJudged(t, usd, rare, leg));
                    model.Add((bucket, usd, rare, leg));
                }

                head = Math.Max(head, bucket);
                judgedLeft += model.RemoveAll(m => m.Bucket <= head - Buckets);
                var live = model.Where(m => m.Bucket > head - Buckets).ToList();
                Assert.Equal(live.Count(m => m.Rare && m.Leg), ring.RareLegCount);
                Assert.Equal(live.Where(m => m.Rare && m.Leg).Sum(m => m.Usd), ring.RareLegUsd);
                Assert.Equal(live.Where(m => m.Rare && m.Leg).Select(m => m.Usd).DefaultIfEmpty(0m).Max(), ring.LargestRareLegUsd());
                Assert.Equal(judgedLeft, learner.JudgedEvents);
            }
        }, iter: 3_000);
    }

    private static (BucketRing, Baseline) SaveAndRead(BucketRing ring, Baseline learner)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Write(writer);
            ring.WriteJudged(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = new BucketRing(Buckets, Width);
        read.Read(reader, withOutsized: true);
        read.ReadJudged(reader);
        var restored = new Baseline(10);
        restored.Restore(learner.UsdPerBucket, learner.EventsPerBucket, learner.DecayedMaxUsd, learner.LearnedBuckets, learner.LearnedEvents);
        restored.RestoreSizes(learner.JudgedPerBucket, learner.RarePerBucket, learner.JudgedBuckets, learner.JudgedEvents);
        return (read, restored);
    }
}
