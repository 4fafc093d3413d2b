using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AlertFunctions.Cli.Replay;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using AlertFunctions.SampleData;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The replay's split of platforms across detection lanes: the alerts, their order and the counts must not depend on how
/// many lanes ran, and one platform running ahead of another must not disturb how the other's events are ordered.
/// </summary>
public sealed class ReplayRunnerTests
{
    private static readonly Lazy<string[]> Traffic = new(() => Lines(new SampleTrafficGenerator(new SampleTrafficOptions { Days = 2, EventsPerDay = 3_000, Seed = 7 }).Generate()));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Run_SeveralLanes_SameAlertBytesAndCountsAsOneLane(int lanes)
    {
        var lines = Traffic.Value;
        var one = Replay(lines, lanes: 1);

        var several = Replay(lines, lanes);

        Assert.True(one.Alerts.Length > 5, $"the traffic should raise alerts, raised {one.Alerts.Length}");
        Assert.Equal(one.Alerts, several.Alerts);
        Assert.Equal(one.Counts, several.Counts);
        Assert.Equal(lines.Length, several.Counts.Received);
    }

    [Fact]
    public void Run_OnePlatformAnHourAhead_OtherPlatformsReorderedWithinAMinuteGiveTheSameAlerts()
    {
        // Two producers on different clocks (or one delayed an hour) interleaved in one file: the platform ahead must not
        // make the others' slightly reordered events count as already released.
        var lines = Traffic.Value;
        var ahead = lines.Select(line => Platform(line) == "fabrikam-bridge" ? Shift(line, TimeSpan.FromHours(1)) : line).ToArray();
        var random = new Random(20261127);
        var reordered = ahead.ToArray();
        var others = Enumerable.Range(0, ahead.Length).Where(i => Platform(ahead[i]) != "fabrikam-bridge");
        foreach (var minute in others.GroupBy(i => Minute(ahead[i])))
        {
            var positions = minute.ToArray();
            var shuffled = positions.Select(i => ahead[i]).ToArray();
            random.Shuffle(shuffled);
            for (var k = 0; k < positions.Length; k++)
            {
                reordered[positions[k]] = shuffled[k];
            }
        }

        Assert.NotEqual(ahead, reordered);

        var expected = Replay(ahead, lanes: 1);
        var actual = Replay(reordered, lanes: 1);

        Assert.NotEmpty(expected.Alerts);
        Assert.Equal(expected.Alerts, actual.Alerts);
        Assert.Equal(expected.Counts, actual.Counts);
    }

    [Fact]
    public void Run_InputFailsMidway_ThrowsItsErrorAfterTheLanesStop()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', Traffic.Value) + "\n");
        using var input = new FailingStream(bytes, failAfter: bytes.Length / 2);

        var ex = Assert.Throws<IOException>(() => new ReplayRunner(Settings(lanes: 3), TimeProvider.System).Run(input, _ => { }));

        Assert.Equal("disk gone", ex.Message);
    }

    private static (string[] Alerts, (long Received, long Evaluated, long Duplicates, long Internal, long Late) Counts) Replay(string[] lines, int lanes)
    {
        var runner = new ReplayRunner(Settings(lanes), TimeProvider.System);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var result = runner.Run(input, rejection => Assert.Fail($"line {rejection.LineNumber} rejected: {rejection.Reason}"));
        using var output = new MemoryStream();
        AlertLinesWriter.Write(output, result.Alerts);
        var alerts = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var engine = result.Engine;
        return (alerts, (engine.Received, engine.Evaluated, engine.Duplicates, engine.InternalTransfers, engine.Late));
    }

    private static ReplaySettings Settings(int lanes) =>
        new(DetectionRules.Default, new Watchlist(WatchlistCsvReader.ReadEmbeddedDefault())) { DetectionLanes = lanes };

    private static string[] Lines(IEnumerable<SampleEvent> events)
    {
        using var output = new MemoryStream();
        SampleEventWriter.WriteLines(output, events);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Platform(string line) => JsonNode.Parse(line)!["platform"]!.GetValue<string>();

    private static long Minute(string line) =>
        DateTimeOffset.Parse(JsonNode.Parse(line)!["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeSeconds() / 60;

    private static string Shift(string line, TimeSpan by)
    {
        var json = JsonNode.Parse(line)!.AsObject();
        var timestamp = DateTimeOffset.Parse(json["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        json["timestamp"] = (timestamp + by).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return json.ToJsonString();
    }

    /// <summary>Serves its bytes, then fails every read from a given offset on.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("disk gone") : base.Read(buffer, offset, Math.Min(count, failAfter - (int)Position));
    }
}
