using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class TimeRingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Within_Empty_ReturnsNothingAndTheWindowEndAsEarliest()
    {
        var ring = new TimeRing(4);

        var (count, usd, earliest) = ring.Within(DateTimeOffset.MinValue, T0);

        Assert.Equal(0, count);
        Assert.Equal(0m, usd);
        Assert.Equal(T0, earliest);
    }

    [Fact]
    public void Within_CountsEntriesInTheClosedInterval()
    {
        var ring = new TimeRing(8);
        ring.Add(T0, 1m);
        ring.Add(T0.AddMinutes(10), 10m);
        ring.Add(T0.AddMinutes(20), 100m);
        ring.Add(T0.AddMinutes(30), 1_000m);

        var (count, usd, earliest) = ring.Within(T0.AddMinutes(10), T0.AddMinutes(20));

        Assert.Equal(2, count);
        Assert.Equal(110m, usd);
        Assert.Equal(T0.AddMinutes(10), earliest);
    }

    [Fact]
    public void Within_EntryOneTickOutside_IsExcluded()
    {
        var ring = new TimeRing(4);
        ring.Add(T0, 5m);

        Assert.Equal(0, ring.Within(T0.AddTicks(1), T0.AddHours(1)).Count);
        Assert.Equal(0, ring.Within(T0.AddHours(-1), T0.AddTicks(-1)).Count);
        Assert.Equal(1, ring.Within(T0, T0).Count);
    }

    [Fact]
    public void Within_OutOfOrderEntries_ReportsTheEarliestByTime()
    {
        var ring = new TimeRing(4);
        ring.Add(T0.AddMinutes(5), 1m);
        ring.Add(T0.AddMinutes(1), 1m);
        ring.Add(T0.AddMinutes(3), 1m);

        Assert.Equal(T0.AddMinutes(1), ring.Within(T0, T0.AddHours(1)).Earliest);
    }

    [Fact]
    public void Within_EarliestIsUtc_WhateverTheQueryOffset()
    {
        var ring = new TimeRing(4);
        ring.Add(T0.ToOffset(TimeSpan.FromHours(2)), 1m);

        var earliest = ring.Within(T0.AddHours(-1), T0.AddHours(1)).Earliest;

        Assert.Equal(T0, earliest);
        Assert.Equal(TimeSpan.Zero, earliest.Offset);
    }

    [Fact]
    public void Add_BeyondCapacity_OverwritesTheOldestEntry()
    {
        var ring = new TimeRing(3);
        ring.Add(T0, 1m);
        ring.Add(T0.AddMinutes(1), 2m);
        ring.Add(T0.AddMinutes(2), 4m);

        ring.Add(T0.AddMinutes(3), 8m);

        var (count, usd, earliest) = ring.Within(T0, T0.AddHours(1));
        Assert.Equal(3, count);
        Assert.Equal(14m, usd);
        Assert.Equal(T0.AddMinutes(1), earliest);
        Assert.Equal(3, ring.Capacity);
    }

    [Fact]
    public void WriteRead_RoundTripsEntriesAndInsertPosition()
    {
        var ring = new TimeRing(3);
        ring.Add(T0, 1m);
        ring.Add(T0.AddMinutes(1), 2m);

        var copy = RoundTrip(ring);
        ring.Add(T0.AddMinutes(2), 4m);
        ring.Add(T0.AddMinutes(3), 8m);
        copy.Add(T0.AddMinutes(2), 4m);
        copy.Add(T0.AddMinutes(3), 8m);

        Assert.Equal(ring.Within(T0, T0.AddHours(1)), copy.Within(T0, T0.AddHours(1)));
        Assert.Equal(ring.Capacity, copy.Capacity);
    }

    [Fact]
    public void EvidenceWithin_NamesTheIdentifiedWithdrawalsInTheInterval_OldestFirst()
    {
        var ring = new TimeRing(4);
        ring.Add(EventBuilder.Withdrawal().Id("later").At(T0.AddMinutes(20)).Build(), 20m);
        ring.Add(EventBuilder.Withdrawal().Id("earlier").At(T0.AddMinutes(10)).Build(), 10m);
        ring.Add(T0.AddMinutes(15), 15m); // restored from an older snapshot: counted, not named
        ring.Add(EventBuilder.Withdrawal().Id("outside").At(T0.AddHours(2)).Build(), 30m);

        var evidence = ring.EvidenceWithin(T0, T0.AddHours(1));

        Assert.Equal(["earlier", "later"], evidence.Select(e => e.EventId));
        Assert.Equal([10m, 20m], evidence.Select(e => e.Usd));
        Assert.Equal(3, ring.Within(T0, T0.AddHours(1)).Count);
    }

    [Fact]
    public void WriteRead_KeepsWhichWithdrawalsTheRingHolds()
    {
        const string usualHash = "0x2c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcc5";
        var ring = new TimeRing(3);
        ring.Add(EventBuilder.Withdrawal().Id("a").To("0xdest").TxHash("0xtx").At(T0).Build(), 1m);
        ring.Add(EventBuilder.Withdrawal().Id("b").At(T0.AddMinutes(1)).Build() with { TxHash = null }, 2m);
        ring.Add(EventBuilder.Withdrawal().Id("c").At(T0.AddMinutes(2)).TxHash(usualHash).Build(), 3m);

        var copy = RoundTrip(ring);

        var kept = copy.EvidenceWithin(T0, T0.AddHours(1));
        Assert.Equal(ring.EvidenceWithin(T0, T0.AddHours(1)), kept);
        Assert.Equal([("a", (string?)"0xtx"), ("b", null), ("c", usualHash)], kept.Select(e => (e.EventId, e.TxHash.ToString())));
        Assert.Equal("0xdest", kept[0].Destination);
    }

    private static TimeRing RoundTrip(TimeRing ring)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return TimeRing.Read(reader);
    }
}
