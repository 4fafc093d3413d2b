using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class RecentTimesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Within_CountsTheKeptTimesInTheRangeAndNamesTheEarliest()
    {
        var times = new RecentTimes(4);
        foreach (var minutes in new[] { 0, 10, 20, 30, 40, 50 })
        {
            times.Add(T0.AddMinutes(minutes));
        }

        Assert.Equal((4, T0.AddMinutes(20)), times.Within(T0, T0.AddHours(1)));
        Assert.Equal((2, T0.AddMinutes(20)), times.Within(T0.AddMinutes(15), T0.AddMinutes(30)));
        Assert.Equal((0, T0.AddHours(2)), times.Within(T0.AddHours(1), T0.AddHours(2)));
    }

    [Fact]
    public void WriteRead_RoundTripsAndKeepsRotating()
    {
        var times = new RecentTimes(3);
        times.Add(T0);
        times.Add(T0.AddMinutes(1));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            times.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var copy = RecentTimes.Read(reader);
        copy.Add(T0.AddMinutes(2));
        copy.Add(T0.AddMinutes(3));

        Assert.Equal((3, T0.AddMinutes(1)), copy.Within(T0, T0.AddHours(1)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2_000, 0)]
    [InlineData(4, 4)]
    [InlineData(4, -1)]
    public void Read_ImpossibleSizeOrSlot_IsRefusedAsDamagedData(int capacity, int next)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(capacity);
            writer.Write(next);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        Assert.Throws<InvalidDataException>(() => RecentTimes.Read(reader));
    }
}
