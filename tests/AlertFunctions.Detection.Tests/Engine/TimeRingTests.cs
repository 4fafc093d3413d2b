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
