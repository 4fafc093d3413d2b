using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class RecentTimesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Within_CountsTheKeptTimesInTheRangeAndNamesTheEarliest()
    {
        var times = default(RecentTimes);
        for (var minutes = 0; minutes < RecentTimes.Capacity + 2; minutes++)
        {
            times.Add(T0.AddMinutes(minutes));
        }

        Assert.Equal((RecentTimes.Capacity, T0.AddMinutes(2)), times.Within(T0, T0.AddHours(1)));
        Assert.Equal((4, T0.AddMinutes(5)), times.Within(T0.AddMinutes(5), T0.AddMinutes(8)));
        Assert.Equal((0, T0.AddHours(2)), times.Within(T0.AddHours(1), T0.AddHours(2)));
    }

    [Fact]
    public void Within_Empty_CountsNothingEvenAtTheStartOfTime()
    {
        Assert.Equal(0, default(RecentTimes).Within(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(RecentTimes.Capacity + 5)]
    public void WriteRead_RoundTripsAndKeepsRotating(int added)
    {
        var times = default(RecentTimes);
        for (var i = 0; i < added; i++)
        {
            times.Add(T0.AddMinutes(i));
        }

        var copy = RoundTrip(times);
        times.Add(T0.AddMinutes(added));
        copy.Add(T0.AddMinutes(added));

        Assert.Equal(times.Within(T0, T0.AddHours(1)), copy.Within(T0, T0.AddHours(1)));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(RecentTimes.Capacity + 1, 0)]
    [InlineData(3, 4)]
    [InlineData(RecentTimes.Capacity, RecentTimes.Capacity)]
    [InlineData(RecentTimes.Capacity, -1)]
    public void Read_ImpossibleCountOrSlot_IsRefusedAsDamagedData(int count, int next)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(count);
            writer.Write(next);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        Assert.Throws<InvalidDataException>(() => RecentTimes.Read(reader));
    }

    private static RecentTimes RoundTrip(RecentTimes times)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            times.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return RecentTimes.Read(reader);
    }
}
