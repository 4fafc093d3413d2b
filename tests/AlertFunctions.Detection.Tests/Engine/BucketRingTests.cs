using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class BucketRingTests
{
    private const int Buckets = 4;
    private static readonly TimeSpan Width = TimeSpan.FromMinutes(1);

    // Bucket-aligned: 2026-06-01T00:00Z is a whole number of minutes since 0001-01-01.
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ctor_FewerThanTwoBuckets_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BucketRing(1, Width));
    }

    [Fact]
    public void Ctor_Empty_HasNoSumsAndNoHead()
    {
        var ring = new BucketRing(Buckets, Width);

        Assert.Equal(0m, ring.SumUsd);
        Assert.Equal(0m, ring.SumAsset);
        Assert.Equal(0, ring.SumCount);
        Assert.Null(ring.BalanceAtWindowStart);
        Assert.Equal(long.MinValue, ring.Head);
        Assert.Equal(TimeSpan.FromMinutes(4), ring.Length);
    }

    [Fact]
    public void LargestUsdAndWindowStart_EmptyRing_DoNotThrow()
    {
        var ring = new BucketRing(Buckets, Width);

        Assert.Equal(0m, ring.LargestUsd());
        _ = ring.WindowStart;
    }

    [Fact]
    public void TryAdd_EventsInsideTheWindow_AreSummed()
    {
        var ring = new BucketRing(Buckets, Width);

        Assert.True(ring.TryAdd(T0, 100m, 1m, null, null));
        Assert.True(ring.TryAdd(T0.AddMinutes(1), 200m, 2m, null, null));
        Assert.True(ring.TryAdd(T0.AddMinutes(3).AddSeconds(59), 300m, 3m, null, null));
        Assert.True(ring.TryAdd(T0.AddMinutes(3).AddSeconds(59), 50m, 0.5m, null, null));

        Assert.Equal(650m, ring.SumUsd);
        Assert.Equal(6.5m, ring.SumAsset);
        Assert.Equal(4, ring.SumCount);
        Assert.Equal(300m, ring.LargestUsd());
        Assert.Equal(ring.BucketOf(T0) + 3, ring.Head);
        Assert.Equal(T0, ring.WindowStart);
    }

    [Fact]
    public void TryAdd_EventNBucketsLater_EvictsTheOldestBucket()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 100m, 1m, null, null);
        ring.TryAdd(T0.AddMinutes(1), 200m, 2m, null, null);

        ring.TryAdd(T0.AddMinutes(4), 400m, 4m, null, null);

        Assert.Equal(600m, ring.SumUsd);
        Assert.Equal(6m, ring.SumAsset);
        Assert.Equal(2, ring.SumCount);
        Assert.Equal(T0.AddMinutes(1), ring.WindowStart);
    }

    [Fact]
    public void TryAdd_EventOneTickBeforeNBucketsLater_KeepsTheOldestBucket()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 100m, 1m, null, null);

        ring.TryAdd(T0.AddMinutes(4).AddTicks(-1), 400m, 4m, null, null);

        Assert.Equal(500m, ring.SumUsd);
        Assert.Equal(2, ring.SumCount);
    }

    [Fact]
    public void TryAdd_EventOlderThanTheWindow_ReturnsFalseAndChangesNothing()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0.AddMinutes(10), 100m, 1m, 1_000m, null);
        ring.TryAdd(T0.AddMinutes(8), 50m, 0.5m, null, null);
        var head = ring.Head;
        var learner = new Baseline(halfLifeBuckets: 10);

        var added = ring.TryAdd(T0.AddMinutes(7).AddTicks(-1), 999m, 9m, 5_000m, learner);

        Assert.False(added);
        Assert.Equal(150m, ring.SumUsd);
        Assert.Equal(1.5m, ring.SumAsset);
        Assert.Equal(2, ring.SumCount);
        Assert.Equal(head, ring.Head);
        Assert.Equal(100m, ring.LargestUsd());
        Assert.Equal(1_000m, ring.BalanceAtWindowStart);
        Assert.Equal(0, learner.LearnedBuckets);
    }

    [Fact]
    public void TryAdd_LateEventInsideTheWindow_IsCountedWithoutMovingTheHead()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0.AddMinutes(10), 100m, 1m, null, null);
        ring.TryAdd(T0.AddMinutes(11), 10m, 1m, null, null);

        Assert.True(ring.TryAdd(T0.AddMinutes(10).AddSeconds(30), 20m, 1m, null, null));

        Assert.Equal(130m, ring.SumUsd);
        Assert.Equal(ring.BucketOf(T0.AddMinutes(11)), ring.Head);
    }

    [Fact]
    public void TryAdd_InWindowEventBeforeTheFirstEventsBucket_LeavesTheWindowLikeAnyOther()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0.AddMinutes(10), 100m, 1m, null, null);
        Assert.True(ring.TryAdd(T0.AddMinutes(9), 50m, 1m, null, null));

        ring.TryAdd(T0.AddMinutes(20), 1m, 1m, null, null);

        Assert.Equal(1m, ring.SumUsd);
        Assert.Equal(1, ring.SumCount);
    }

    [Fact]
    public void BalanceAtWindowStart_IsTheBalanceBeforeTheEarliestInWindowWithdrawal()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0.AddSeconds(30), 100m, 1m, 1_000m, null);
        ring.TryAdd(T0.AddMinutes(1), 100m, 1m, 900m, null);

        Assert.Equal(1_000m, ring.BalanceAtWindowStart);

        // Arriving later but earlier in event time, in the same bucket: it becomes the window's first balance.
        ring.TryAdd(T0.AddSeconds(10), 100m, 1m, 1_100m, null);

        Assert.Equal(1_100m, ring.BalanceAtWindowStart);
    }

    [Fact]
    public void BalanceAtWindowStart_EventsWithoutBalance_AreSkipped()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 100m, 1m, null, null);
        ring.TryAdd(T0.AddMinutes(2), 100m, 1m, 700m, null);

        Assert.Equal(700m, ring.BalanceAtWindowStart);
    }

    [Fact]
    public void BalanceAtWindowStart_MovesWhenItsBucketExpires()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 100m, 1m, 1_000m, null);
        ring.TryAdd(T0.AddMinutes(1), 100m, 1m, 900m, null);
        ring.TryAdd(T0.AddMinutes(3), 100m, 1m, null, null);

        ring.TryAdd(T0.AddMinutes(4), 100m, 1m, null, null);

        Assert.Equal(900m, ring.BalanceAtWindowStart);

        ring.TryAdd(T0.AddMinutes(5), 100m, 1m, null, null);

        Assert.Null(ring.BalanceAtWindowStart);

        ring.TryAdd(T0.AddMinutes(5).AddSeconds(1), 100m, 1m, 400m, null);

        Assert.Equal(400m, ring.BalanceAtWindowStart);
    }

    [Fact]
    public void AdvanceTo_HugeGap_ClearsEverything()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 100m, 1m, 1_000m, null);
        ring.TryAdd(T0.AddMinutes(2), 300m, 3m, 900m, null);

        var later = T0.AddDays(1_000);
        ring.AdvanceTo(ring.BucketOf(later), null);

        Assert.Equal(0m, ring.SumUsd);
        Assert.Equal(0m, ring.SumAsset);
        Assert.Equal(0, ring.SumCount);
        Assert.Equal(0m, ring.LargestUsd());
        Assert.Null(ring.BalanceAtWindowStart);
        Assert.Equal(ring.BucketOf(later), ring.Head);
    }

    [Fact]
    public void TryAdd_AfterHugeGap_HoldsOnlyTheNewEvent()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 100m, 1m, 1_000m, null);
        ring.TryAdd(T0.AddMinutes(3), 300m, 3m, null, null);

        ring.TryAdd(T0.AddYears(3), 7m, 0.07m, 50m, null);

        Assert.Equal(7m, ring.SumUsd);
        Assert.Equal(0.07m, ring.SumAsset);
        Assert.Equal(1, ring.SumCount);
        Assert.Equal(7m, ring.LargestUsd());
        Assert.Equal(50m, ring.BalanceAtWindowStart);
    }

    [Fact]
    public void AdvanceTo_BucketAtOrBehindHead_IsANoOp()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0.AddMinutes(5), 100m, 1m, null, null);

        ring.AdvanceTo(ring.BucketOf(T0), null);

        Assert.Equal(ring.BucketOf(T0.AddMinutes(5)), ring.Head);
        Assert.Equal(100m, ring.SumUsd);
    }

    [Fact]
    public void LargestUsd_IgnoresExpiredBuckets()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 900m, 1m, null, null);
        ring.TryAdd(T0.AddMinutes(1), 200m, 1m, null, null);

        ring.TryAdd(T0.AddMinutes(4), 100m, 1m, null, null);

        Assert.Equal(200m, ring.LargestUsd());
    }

    [Fact]
    public void MarkOutsized_CountsUntilItsBucketLeavesTheWindow()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 900m, 1m, null, null);
        ring.TryAdd(T0.AddMinutes(2), 50m, 1m, null, null);

        Assert.True(ring.MarkOutsized(T0, 900m));
        Assert.Equal((900m, 1), (ring.OutsizedUsd, ring.OutsizedCount));
        Assert.Equal(0, ring.LargeLegCount);

        ring.TryAdd(T0.AddMinutes(4), 10m, 1m, null, null);

        Assert.Equal((0m, 0), (ring.OutsizedUsd, ring.OutsizedCount));
        Assert.False(ring.MarkOutsized(T0, 900m));
    }

    [Fact]
    public void WriteRead_RoundTripsOutsizedMarks()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 900m, 1m, null, null);
        ring.TryAdd(T0.AddMinutes(1), 800m, 1m, null, null);
        ring.MarkOutsized(T0, 900m);
        ring.MarkOutsized(T0.AddMinutes(1), 800m);

        var copy = RoundTrip(ring);

        Assert.Equal((1_700m, 2), (copy.OutsizedUsd, copy.OutsizedCount));
        copy.TryAdd(T0.AddMinutes(4), 10m, 1m, null, null);
        Assert.Equal((800m, 1), (copy.OutsizedUsd, copy.OutsizedCount));
    }

    [Fact]
    public void Read_SnapshotWithoutOutsizedMarks_HoldsItsSumsWithNothingOutsized()
    {
        // The version 2 layout: head, origin, live buckets, then per bucket its index and sums, without the outsized pair.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var bucket = T0.UtcTicks / Width.Ticks;
            writer.Write(bucket);
            writer.Write(bucket);
            writer.Write(1);
            writer.Write(bucket);
            writer.Write(700m);
            writer.Write(7m);
            writer.Write(700m);
            writer.Write(1);
            writer.Write(long.MaxValue);
            writer.Write(0m);
            writer.Write(0m);
            writer.Write(0m);
            writer.Write(0);
        }

        stream.Position = 0;
        var ring = new BucketRing(Buckets, Width);
        using var reader = new BinaryReader(stream);
        ring.Read(reader, withOutsized: false);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal((700m, 1), (ring.SumUsd, ring.SumCount));
        Assert.Equal((0m, 0), (ring.OutsizedUsd, ring.OutsizedCount));
    }

    [Fact]
    public void WriteRead_RoundTripsSumsHeadAndBalance()
    {
        var ring = new BucketRing(Buckets, Width);
        ring.TryAdd(T0, 100m, 1m, null, null);
        ring.TryAdd(T0.AddMinutes(1), 200m, 2m, 900m, null);
        ring.TryAdd(T0.AddMinutes(2), 300m, 3m, 700m, null);

        var copy = RoundTrip(ring);

        Assert.Equal(ring.SumUsd, copy.SumUsd);
        Assert.Equal(ring.SumAsset, copy.SumAsset);
        Assert.Equal(ring.SumCount, copy.SumCount);
        Assert.Equal(ring.Head, copy.Head);
        Assert.Equal(900m, copy.BalanceAtWindowStart);
        Assert.Equal(300m, copy.LargestUsd());

        // The copy keeps sliding exactly like the original.
        ring.TryAdd(T0.AddMinutes(5), 1m, 1m, null, null);
        copy.TryAdd(T0.AddMinutes(5), 1m, 1m, null, null);
        Assert.Equal(ring.SumUsd, copy.SumUsd);
        Assert.Equal(ring.BalanceAtWindowStart, copy.BalanceAtWindowStart);
    }

    private static BucketRing RoundTrip(BucketRing ring)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Write(writer);
        }

        stream.Position = 0;
        var copy = new BucketRing(ring.BucketCount, TimeSpan.FromTicks(ring.WidthTicks));
        using var reader = new BinaryReader(stream);
        copy.Read(reader, withOutsized: true);
        return copy;
    }
    [Fact]
    public void ColdStartLegs_LeaveTheWindowWithTheirBucket()
    {
        var ring = new BucketRing(4, TimeSpan.FromMinutes(1));
        ring.TryAdd(T0, 60_000m, 1m, null, null);
        Assert.True(ring.MarkColdStartCandidate(T0, 60_000m, leg: true));
        ring.TryAdd(T0.AddMinutes(2), 70_000m, 1m, null, null);
        Assert.True(ring.MarkColdStartCandidate(T0.AddMinutes(2), 70_000m, leg: true));
        ring.TryAdd(T0.AddMinutes(2), 1_000m, 1m, null, null);
        Assert.True(ring.MarkColdStartCandidate(T0.AddMinutes(2), 1_000m, leg: false));
        Assert.Equal((3, 2, 130_000m), (ring.ColdStartCandidateCount, ring.ColdStartLegCount, ring.ColdStartLegUsd));

        ring.TryAdd(T0.AddMinutes(4), 1_000m, 1m, null, null);

        Assert.Equal((2, 1, 70_000m), (ring.ColdStartCandidateCount, ring.ColdStartLegCount, ring.ColdStartLegUsd));
        Assert.False(ring.MarkColdStartCandidate(T0, 60_000m, leg: true)); // its bucket has left
    }

    [Fact]
    public void ReadColdStartLegs_RoundTripsAndRefusesABucketTwiceOrBeyondWhatItHeld()
    {
        var ring = new BucketRing(4, TimeSpan.FromMinutes(1));
        ring.TryAdd(T0, 60_000m, 1m, null, null);
        ring.MarkColdStartCandidate(T0, 60_000m, leg: true);

        Assert.Equal((1, 1, 60_000m), ReadBack(ring, section => section).Read);
        var entry = ReadBack(ring, section => section).Section[4..];
        Assert.Throws<InvalidDataException>(() => ReadBack(ring, _ => [2, 0, 0, 0, .. entry, .. entry]));
        ring.MarkColdStartCandidate(T0, 60_000m, leg: true); // counted twice: more than the one withdrawal its bucket holds
        var error = Assert.Throws<InvalidDataException>(() => ReadBack(ring, section => section));
        Assert.Contains("2 candidates of 1 withdrawals", error.Message);
    }

    [Fact]
    public void ReadColdStartLegs_LegsWorthNothing_AreReadBack()
    {
        // The leg size may be set to 0, and an unpriced asset's withdrawals are worth $0: a valid state, not damage.
        var ring = new BucketRing(4, TimeSpan.FromMinutes(1));
        ring.TryAdd(T0, 0m, 5m, null, null);
        ring.MarkColdStartCandidate(T0, 0m, leg: true);

        Assert.Equal((1, 1, 0m), ReadBack(ring, section => section).Read);
    }

    [Fact]
    public void LargestColdStartLeg_IsTheLargestLegStillInTheWindow()
    {
        var ring = new BucketRing(4, TimeSpan.FromMinutes(1));
        ring.TryAdd(T0, 90_000m, 1m, null, null);
        ring.MarkColdStartCandidate(T0, 90_000m, leg: true);
        ring.TryAdd(T0.AddMinutes(2), 70_000m, 1m, null, null);
        ring.MarkColdStartCandidate(T0.AddMinutes(2), 70_000m, leg: true);
        ring.TryAdd(T0.AddMinutes(2), 95_000m, 1m, null, null);
        ring.MarkColdStartCandidate(T0.AddMinutes(2), 95_000m, leg: false); // a candidate, no leg (routine, say)
        Assert.Equal(90_000m, ring.LargestColdStartLegUsd());

        ring.TryAdd(T0.AddMinutes(4), 1_000m, 1m, null, null);

        Assert.Equal(70_000m, ring.LargestColdStartLegUsd());
    }

    [Theory]
    [InlineData(60_000, null)]
    [InlineData(120_001, "out of range")] // more than the bucket's legs
    [InlineData(59_999, "out of range")] // less than their mean
    [InlineData(0, "out of range")]
    public void ReadLargestColdStartLegs_RefusesALargestTheBucketsLegsCannotHave(int largest, string? error)
    {
        var ring = new BucketRing(4, TimeSpan.FromMinutes(1));
        ring.TryAdd(T0, 60_000m, 1m, null, null);
        ring.MarkColdStartCandidate(T0, 60_000m, leg: true);
        ring.TryAdd(T0, 60_000m, 1m, null, null);
        ring.MarkColdStartCandidate(T0, 60_000m, leg: true);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Write(writer);
            ring.WriteColdStartLegs(writer);
            writer.Write(1);
            writer.Write(ring.BucketOf(T0));
            writer.Write((decimal)largest);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = new BucketRing(ring.BucketCount, TimeSpan.FromTicks(ring.WidthTicks));
        read.Read(reader, withOutsized: true);
        read.ReadColdStartLegs(reader);
        if (error is null)
        {
            read.ReadLargestColdStartLegs(reader);
            Assert.Equal(60_000m, read.LargestColdStartLegUsd());
        }
        else
        {
            Assert.Contains(error, Assert.Throws<InvalidDataException>(() => read.ReadLargestColdStartLegs(reader)).Message);
        }
    }

    /// <summary>Writes the ring and its cold-start section (as <paramref name="doctor"/> returns it), then reads both back.</summary>
    private static (byte[] Section, (int, int, decimal) Read) ReadBack(BucketRing ring, Func<byte[], byte[]> doctor)
    {
        using var section = new MemoryStream();
        using (var writer = new BinaryWriter(section, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.WriteColdStartLegs(writer);
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Write(writer);
            writer.Write(doctor(section.ToArray()));
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = new BucketRing(ring.BucketCount, TimeSpan.FromTicks(ring.WidthTicks));
        read.Read(reader, withOutsized: true);
        read.ReadColdStartLegs(reader);
        return (section.ToArray(), (read.ColdStartCandidateCount, read.ColdStartLegCount, read.ColdStartLegUsd));
    }
}
