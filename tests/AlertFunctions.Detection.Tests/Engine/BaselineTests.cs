using AlertFunctions.Detection.Engine;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class BaselineTests
{
    private const int Buckets = 4;
    private static readonly TimeSpan Width = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ctor_New_IsEmptyAndCold()
    {
        var baseline = new Baseline(halfLifeBuckets: 10);

        Assert.Equal(0, baseline.LearnedBuckets);
        Assert.Equal(0, baseline.LearnedEvents);
        Assert.Equal(0d, baseline.ExpectedUsdPerBucket);
        Assert.Equal(0d, baseline.MeanEventUsd);
        Assert.Equal(0d, baseline.DecayedMaxUsd);
        Assert.True(baseline.IsWarm(0, 0));
        Assert.False(baseline.IsWarm(1, 0));
    }

    [Fact]
    public void Ring_EventsStillInsideTheWindow_AreNotLearned()
    {
        var ring = new BucketRing(Buckets, Width);
        var learner = new Baseline(halfLifeBuckets: 10);

        ring.TryAdd(T0, 100m, 1m, null, learner);
        ring.TryAdd(T0.AddMinutes(15), 200m, 1m, null, learner);
        ring.TryAdd(T0.AddMinutes(59), 300m, 1m, null, learner);

        Assert.Equal(0, learner.LearnedBuckets);
        Assert.Equal(0, learner.LearnedEvents);
        Assert.Equal(0d, learner.UsdPerBucket);
    }

    [Fact]
    public void Ring_BucketLeavingTheWindow_IsLearned()
    {
        var ring = new BucketRing(Buckets, Width);
        var learner = new Baseline(halfLifeBuckets: 10);
        ring.TryAdd(T0, 100m, 1m, null, learner);
        ring.TryAdd(T0.AddMinutes(5), 50m, 1m, null, learner);

        ring.TryAdd(T0.AddMinutes(60), 999m, 1m, null, learner);

        Assert.Equal(1, learner.LearnedBuckets);
        Assert.Equal(2, learner.LearnedEvents);
        Assert.Equal(150d, learner.ExpectedUsdPerBucket, 1e-9);
        Assert.Equal(75d, learner.MeanEventUsd, 1e-9);
        Assert.Equal(100d, learner.DecayedMaxUsd, 1e-9);
    }

    [Fact]
    public void Ring_BucketLeavingTheWindow_TeachesTheMeanInUnitsWhateverItsUsd()
    {
        // A token nothing prices: every withdrawal is worth $0, yet its usual size in units is learned.
        var ring = new BucketRing(Buckets, Width);
        var learner = new Baseline(halfLifeBuckets: 10);
        ring.TryAdd(T0, 0m, 300m, null, learner);
        ring.TryAdd(T0.AddMinutes(5), 0m, 100m, null, learner);
        ring.TryAdd(T0.AddMinutes(10), 0m, 50m, null, learner);

        ring.TryAdd(T0.AddMinutes(90), 0m, 1m, null, learner);

        Assert.Equal(3, learner.UnitEventsLearned);
        Assert.Equal(150d, learner.MeanEventUnits, 1e-9);
        Assert.Equal(0d, learner.MeanEventUsd);
    }

    [Fact]
    public void LearnEmpty_AgesTheUnitsButKeepsTheirMean()
    {
        var baseline = new Baseline(halfLifeBuckets: 4);
        baseline.LearnUnits(1_000m, 4);

        baseline.LearnEmpty(8);

        Assert.Equal(250d, baseline.MeanEventUnits, 1e-9);
        Assert.True(baseline.UnitsPerBucket < 1_000d * 0.25 * (1 - Math.Pow(0.5, 0.25)) + 1e-9);
    }

    [Theory]
    [InlineData(double.NaN, 1d, 1L)]
    [InlineData(-1d, 1d, 1L)]
    [InlineData(1d, double.PositiveInfinity, 1L)]
    [InlineData(1d, 1d, -1L)]
    public void RestoreUnits_DamagedValues_AreRefused(double units, double events, long learned)
    {
        Assert.Throws<InvalidDataException>(() => new Baseline(10).RestoreUnits(units, events, learned));
    }

    [Fact]
    public void Ring_AdvanceOverAGap_LearnsEveryBucketFromTheFirstEventOnIncludingEmptyOnes()
    {
        var ring = new BucketRing(Buckets, Width);
        var learner = new Baseline(halfLifeBuckets: 10);
        ring.TryAdd(T0, 100m, 1m, null, learner);
        ring.TryAdd(T0.AddMinutes(45), 100m, 1m, null, learner);

        // Head moves from bucket 3 to bucket 20: buckets 0..16 leave the window (0 and 3 held events).
        ring.AdvanceTo(ring.BucketOf(T0) + 20, learner);

        Assert.Equal(17, learner.LearnedBuckets);
        Assert.Equal(2, learner.LearnedEvents);
        Assert.Equal(0, ring.SumCount);
    }

    [Fact]
    public void Ring_BucketsBeforeTheFirstEvent_AreNeverLearned()
    {
        var ring = new BucketRing(Buckets, Width);
        var learner = new Baseline(halfLifeBuckets: 10);

        ring.TryAdd(T0.AddDays(30), 100m, 1m, null, learner);
        ring.TryAdd(T0.AddDays(30).AddMinutes(15), 100m, 1m, null, learner);

        Assert.Equal(0, learner.LearnedBuckets);
    }

    [Fact]
    public void Ring_WithoutLearner_LearnsNothing()
    {
        var ring = new BucketRing(Buckets, Width);
        var learner = new Baseline(halfLifeBuckets: 10);
        ring.TryAdd(T0, 100m, 1m, null, learner);

        ring.TryAdd(T0.AddHours(5), 100m, 1m, null, learner: null);

        Assert.Equal(0, learner.LearnedBuckets);
    }

    [Theory]
    [InlineData(1d, 1)]
    [InlineData(168d, 37)]
    [InlineData(2.5d, 500)]
    [InlineData(48d, 1)]
    public void LearnEmpty_ClosedForm_EqualsRepeatedSingleEmpties(double halfLife, int empties)
    {
        var closed = new Baseline(halfLife);
        var stepwise = new Baseline(halfLife);
        foreach (var b in new[] { closed, stepwise })
        {
            b.Learn(1_000m, 3, 600m);
            b.Learn(250m, 1, 250m);
        }

        closed.LearnEmpty(empties);
        for (var i = 0; i < empties; i++)
        {
            stepwise.LearnEmpty(1);
        }

        AssertClose(stepwise, closed);
    }

    [Fact]
    public void LearnEmpty_ClosedForm_EqualsRepeatedSingleEmpties_ForAnyHistory()
    {
        var learned = Gen.Select(Gen.Decimal[0m, 10_000_000m], Gen.Int[0, 50], Gen.Decimal[0m, 1_000_000m]).Array[0, 20];

        Gen.Select(Gen.Double[0.5, 5_000], learned, Gen.Int[0, 400]).Sample((halfLife, history, empties) =>
        {
            var closed = new Baseline(halfLife);
            var stepwise = new Baseline(halfLife);
            foreach (var (usd, count, max) in history)
            {
                closed.Learn(usd, count, max);
                stepwise.Learn(usd, count, max);
            }

            closed.LearnEmpty(empties);
            for (var i = 0; i < empties; i++)
            {
                stepwise.LearnEmpty(1);
            }

            AssertClose(stepwise, closed);
        }, iter: 500);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void LearnEmpty_NoBuckets_ChangesNothing(long buckets)
    {
        var baseline = new Baseline(10);
        baseline.Learn(100m, 1, 100m);

        baseline.LearnEmpty(buckets);

        Assert.Equal(1, baseline.LearnedBuckets);
        Assert.Equal(100d, baseline.ExpectedUsdPerBucket, 1e-9);
    }

    [Theory]
    [InlineData(168d, 1)]
    [InlineData(168d, 2)]
    [InlineData(168d, 50)]
    [InlineData(1d, 10)]
    [InlineData(4d, 1_000)]
    public void ExpectedUsdPerBucket_ConstantInput_IsThePlainMean(double halfLife, int buckets)
    {
        var baseline = new Baseline(halfLife);

        for (var i = 0; i < buckets; i++)
        {
            baseline.Learn(12_345.67m, 3, 5_000m);
        }

        Assert.Equal(12_345.67d, baseline.ExpectedUsdPerBucket, 12_345.67d * 1e-9);
        Assert.Equal(12_345.67d / 3, baseline.MeanEventUsd, 1e-6);
    }

    [Fact]
    public void ExpectedUsdPerBucket_WithoutBiasCorrection_WouldBePulledTowardsZero()
    {
        var baseline = new Baseline(halfLifeBuckets: 168);

        baseline.Learn(1_000m, 1, 1_000m);

        Assert.True(baseline.UsdPerBucket < 10d, "the raw weighted value starts near zero");
        Assert.Equal(1_000d, baseline.ExpectedUsdPerBucket, 1e-6);
    }

    [Fact]
    public void ExpectedUsdPerBucket_EmptyBuckets_LowerTheMean()
    {
        var baseline = new Baseline(halfLifeBuckets: 1_000_000);
        baseline.Learn(1_000m, 1, 1_000m);

        baseline.LearnEmpty(1);

        // With negligible decay the corrected value is close to the plain mean of 1,000 and 0.
        Assert.Equal(500d, baseline.ExpectedUsdPerBucket, 0.01);
    }

    [Fact]
    public void DecayedMaxUsd_HalvesAfterOneHalfLife_AndALargerMaxReplacesIt()
    {
        var baseline = new Baseline(halfLifeBuckets: 4);
        baseline.Learn(800m, 1, 800m);

        baseline.LearnEmpty(4);

        Assert.Equal(400d, baseline.DecayedMaxUsd, 1e-9);

        baseline.Learn(500m, 1, 500m);

        Assert.Equal(500d, baseline.DecayedMaxUsd, 1e-9);
    }

    [Fact]
    public void IsWarm_RequiresBothBucketsAndEvents()
    {
        var baseline = new Baseline(halfLifeBuckets: 10);
        baseline.Learn(100m, 2, 50m);
        baseline.Learn(100m, 2, 50m);
        baseline.Learn(100m, 2, 50m);

        Assert.True(baseline.IsWarm(3, 6));
        Assert.False(baseline.IsWarm(4, 6));
        Assert.False(baseline.IsWarm(3, 7));

        baseline.LearnEmpty(1);

        Assert.True(baseline.IsWarm(4, 6));
        Assert.False(baseline.IsWarm(4, 7));
    }

    private static void AssertClose(Baseline expected, Baseline actual)
    {
        Assert.Equal(expected.LearnedBuckets, actual.LearnedBuckets);
        Assert.Equal(expected.LearnedEvents, actual.LearnedEvents);
        AssertRelative(expected.UsdPerBucket, actual.UsdPerBucket);
        AssertRelative(expected.EventsPerBucket, actual.EventsPerBucket);
        AssertRelative(expected.DecayedMaxUsd, actual.DecayedMaxUsd);
        AssertRelative(expected.ExpectedUsdPerBucket, actual.ExpectedUsdPerBucket);
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1d, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void LearnSizes_AfterAGapOfTenHalfLives_TheOldShareWeighsAsLittleAsTheOldMean()
    {
        var baseline = new Baseline(halfLifeBuckets: 4);
        baseline.Learn(100_000m, 10, 10_000m);
        baseline.LearnSizes(10, 10); // every withdrawal rare back then
        baseline.LearnEmpty(40); // ten half-lives without a withdrawal
        baseline.Learn(1_000m, 10, 100m);
        baseline.LearnSizes(10, 0); // none rare since

        // The mean has all but forgotten the old bucket (10,000 then, 100 now); the share must too.
        Assert.InRange(baseline.MeanEventUsd, 100, 110);
        Assert.InRange(baseline.RareShare, 0, 0.01);
    }

    [Fact]
    public void LearnSizes_BucketsWithNothingJudged_AgeTheShareWithoutPullingItTowardsZero()
    {
        var baseline = new Baseline(halfLifeBuckets: 4);
        baseline.LearnSizes(10, 1);
        baseline.LearnSizes(0, 0);
        baseline.LearnSizes(0, 0);

        Assert.Equal(0.1, baseline.RareShare, 12);
        Assert.Equal(1, baseline.JudgedBuckets);
        Assert.Equal(10, baseline.JudgedEvents);
    }
}
