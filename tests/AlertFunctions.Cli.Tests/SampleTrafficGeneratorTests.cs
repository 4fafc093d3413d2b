using AlertFunctions.Detection.Contract;
using AlertFunctions.SampleData;

namespace AlertFunctions.Cli.Tests;

/// <summary>The synthetic traffic behind the sample day, the benchmarks and the large replay file.</summary>
public sealed class SampleTrafficGeneratorTests
{
    [Fact]
    public void Generate_TwelveDaysOfTraffic_EveryEventMeetsTheContract()
    {
        // Days of cold-to-hot refills once emptied the cold wallets on paper: from the tenth day they reported a negative balance.
        using var output = new MemoryStream();
        SampleEventWriter.WriteLines(output, new SampleTrafficGenerator(new SampleTrafficOptions { Start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), Days = 12, EventsPerDay = 20_000 }).Generate());
        var parser = new WithdrawalEventParser();

        var refused = new List<string>();
        var events = 0;
        var bytes = output.ToArray();
        foreach (var range in bytes.AsSpan().Split((byte)'\n'))
        {
            if (range.Start.Equals(range.End))
            {
                continue;
            }

            events++;
            if (parser.Parse(bytes.AsSpan()[range]) is { IsValid: false } result)
            {
                refused.Add($"{result.Rejection}");
            }
        }

        Assert.True(events > 12 * 19_000, $"only {events} events");
        Assert.Empty(refused.Take(5));
    }
}
