using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Engine.RuleEvaluators;
using AlertFunctions.Detection.Rules;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class RareLegsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_QuietWallet_NamesAsThresholdTheCountItHadToReach()
    {
        // A wallet of uniform withdrawals (a learned share of 0, so the 0.2% floor) with 20 in its window, 6 of them rare
        // legs: chance alone would allow 4 when 0.04 are expected, but the test also needs longLargeLegsMinCount (6).
        var w = QuietWalletWithSixRareLegs(judgedPerBucket: 5);
        var s = w.Rules.RapidDrain;

        var rare = Assert.NotNull(RareLegs.Assess(s, Assessment(w), w));

        Assert.Equal(6, rare.Legs);
        Assert.Equal(s.LongLargeLegsMinCount, rare.Needed);
    }

    [Fact]
    public void Decode_WalletWhoseLearnedShareIsNotANumber_IsRefusedNotCarriedIntoDetection()
    {
        // A damaged snapshot must fail in Decode (Import skips the entry), not later inside Process, where the Poisson bound
        // refuses a NaN expectation and the exception would fail the batch on every retry.
        var w = QuietWalletWithSixRareLegs(judgedPerBucket: 5);
        typeof(Baseline).GetProperty(nameof(Baseline.JudgedPerBucket))!.SetValue(w.Baseline, double.NaN);
        var payload = DetectorStateCodec.Encode(w);

        var error = Assert.Throws<InvalidDataException>(() => DetectorStateCodec.Decode(new DetectorStateEntry(w.StateKey, payload), DetectionRules.Default));
        Assert.StartsWith("judged sizes out of range", error.Message);
    }

    [Fact]
    public void ReadJudged_SameBucketTwice_IsRefusedNotCountedTwice()
    {
        var ring = new BucketRing(4, TimeSpan.FromMinutes(1));
        ring.TryAdd(T0, 300_000m, 1m, null, null);
        ring.MarkJudged(T0, 300_000m, rare: true, leg: true);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Write(writer);
            using var judged = new MemoryStream();
            using (var section = new BinaryWriter(judged, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                ring.WriteJudged(section);
            }

            var entry = judged.ToArray()[4..];
            writer.Write(2);
            writer.Write(entry);
            writer.Write(entry);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = new BucketRing(4, TimeSpan.FromMinutes(1));
        read.Read(reader, withOutsized: true);

        Assert.Throws<InvalidDataException>(() => read.ReadJudged(reader));
    }

    [Fact]
    public void ReadJudged_MoreJudgedThanTheBucketHeld_IsRefused()
    {
        var ring = new BucketRing(4, TimeSpan.FromMinutes(1));
        ring.TryAdd(T0, 300_000m, 1m, null, null);
        ring.MarkJudged(T0, 300_000m, rare: true, leg: true);
        ring.MarkJudged(T0, 300_000m, rare: true, leg: true); // judged twice: more than the one withdrawal it holds
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Write(writer);
            ring.WriteJudged(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = new BucketRing(4, TimeSpan.FromMinutes(1));
        read.Read(reader, withOutsized: true);

        var error = Assert.Throws<InvalidDataException>(() => read.ReadJudged(reader));
        Assert.Contains("2 judged of 1", error.Message);
    }

    [Fact]
    public void Expire_ARestoredShareBeforeAnyJudgedBucket_AgesLikeEveryOtherBucket()
    {
        // After a restore the window may hold no judged bucket yet (the judged arrays not allocated): a bucket leaving it
        // must still age the share, or the result would depend on whether the process restarted.
        var restored = new Baseline(halfLifeBuckets: 10);
        restored.RestoreSizes(10, 1, 200, 1_000);
        var ring = new BucketRing(48, TimeSpan.FromMinutes(15));
        ring.TryAdd(T0, 100m, 1m, null, restored);

        ring.AdvanceTo(ring.BucketOf(T0) + 48, restored);

        Assert.Equal(10 * Math.Pow(0.5, 0.1), restored.JudgedPerBucket, 12);
        Assert.Equal(0.1, restored.RareShare, 12);
    }

    private static WalletAssetState QuietWalletWithSixRareLegs(double judgedPerBucket)
    {
        var rules = DetectionRules.Default;
        var w = new WalletAssetState("p", "0xwallet", "USDC", rules.For("p", "USDC"));
        w.Baseline.RestoreSizes(judgedPerBucket, rarePerBucket: 0, judgedBuckets: 200, judgedEvents: 1_000);
        for (var i = 0; i < 20; i++)
        {
            var t = T0.AddMinutes(20 * i);
            var usd = i < 6 ? 300_000m : 1_000m;
            Assert.True(w.Long.TryAdd(t, usd, usd, null, null));
            w.Long.MarkJudged(t, usd, rare: i < 6, leg: i < 6);
        }

        return w;
    }

    private static DrainAssessment Assessment(WalletAssetState w) =>
        new(w.Long.SumUsd, w.Long.SumCount, BaselineKind.Learned, 100_000, 5_000, null);
}
