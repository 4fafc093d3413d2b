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

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_SeveralParseWorkers_SameAlertsCountsAndRejectionsInInputOrderAsOne(int workers)
    {
        // Refused lines of several kinds spread through the file, so blocks parsed by different workers each hold some.
        string[] refused = ["{not json", "{\"eventId\":\"x\"}", "{\"eventId\":\"y\",\"amount\":-1}", "[]"];
        var lines = Traffic.Value.SelectMany((line, i) => i % 97 == 0 ? [refused[i / 97 % refused.Length], line] : new[] { line }).ToArray();
        var one = ReplayKeepingRejections(lines, parseWorkers: 1);

        var several = ReplayKeepingRejections(lines, workers);

        Assert.True(one.Alerts.Length > 5, $"the traffic should raise alerts, raised {one.Alerts.Length}");
        Assert.True(one.Rejections.Count > 50, $"the file should have refused lines, had {one.Rejections.Count}");
        Assert.Equal(one.Alerts, several.Alerts);
        Assert.Equal(one.Totals, several.Totals);
        Assert.Equal(one.Rejections, several.Rejections);
        Assert.Equal(one.Rejections.Select(r => r.Line).Order(), one.Rejections.Select(r => r.Line));
    }

    [Fact]
    public void Run_PlatformsFoundInOrder_GoOnAsTheyComeWithTheAlertsTheOrderersGive()
    {
        // A seekable input is surveyed first, which finds every platform of this traffic in its orderer's order, so their
        // events skip the orderers; an input that cannot seek is not surveyed, and all of its events go through them.
        var lines = Traffic.Value;
        using (var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")))
        {
            var survey = InputSurvey.Read(input, Settings(lanes: 1).Rules.AllowedLateness, AcceptedTimes.Any);
            Assert.Equal(survey.EventsByPlatform.Keys.Order(StringComparer.Ordinal), survey.PlatformsInOrder.Order(StringComparer.Ordinal));
        }

        var surveyed = Replay(lines, lanes: 1);
        var notSurveyed = Replay(lines, lanes: 1, seekable: false);

        Assert.NotEmpty(surveyed.Alerts);
        Assert.Equal(notSurveyed.Alerts, surveyed.Alerts);
        Assert.Equal(notSurveyed.Counts, surveyed.Counts);
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
    public void Run_TrafficShuffledThroughout_IsSortedFirstAndGivesTheSameAlertsAndCounts()
    {
        // An export ordered by anything but time (or files concatenated): without sorting, most events would reach their
        // wallets' windows late. Small sort chunks make the sorter merge runs from disk, as it does for a large file.
        var lines = Traffic.Value;
        var shuffled = lines.ToArray();
        new Random(20261128).Shuffle(shuffled);

        var expected = Replay(lines, lanes: 2);
        var actual = Replay(shuffled, lanes: 2, sortChunkBytes: 64 * 1024);

        Assert.False(expected.Order.NeedsSorting);
        Assert.True(actual.Order.NeedsSorting);
        Assert.InRange(actual.Order.OutOfOrder, lines.Length / 4, lines.Length);
        Assert.NotEmpty(expected.Alerts);
        Assert.Equal(expected.Alerts, actual.Alerts);
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(0, actual.Counts.Late);
    }

    [Fact]
    public void Run_OutOfOrderFileWithRefusedLines_NamesEachRefusedLineByItsNumberInTheFile()
    {
        var hourLater = EventLines.ValidObject("later", timestamp: "2026-11-25T11:00:00Z");
        hourLater["amount"] = -1;
        string[] lines = [EventLines.Valid("a", timestamp: "2026-11-25T12:00:00Z"), "{not json", EventLines.Valid("b"), hourLater.ToJsonString(), EventLines.Valid("c")];
        var refused = new List<(long Line, string Reason)>();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(EventLines.Join(lines)));

        var result = new ReplayRunner(Settings(lanes: 1), TimeProvider.System).Run(input, r => refused.Add((r.LineNumber, r.Reason.Code)));

        Assert.True(result.Order.NeedsSorting);
        Assert.Equal([(2L, "invalid-json"), (4, "amount-not-positive")], refused);
        Assert.Equal((5L, 3L, 2L), (result.LinesRead, result.Accepted, result.Rejected));
    }

    [Fact]
    public void Run_InOrderFileWithOneRefusedFutureLine_IsNotReportedOutOfOrderNorSorted()
    {
        string[] lines =
        [
            EventLines.Valid("bad", timestamp: "2099-01-01T00:00:00Z"),
            EventLines.Valid("a", timestamp: "2026-11-25T10:00:00Z"),
            EventLines.Valid("b", timestamp: "2026-11-25T10:01:00Z"),
            EventLines.Valid("c", timestamp: "2026-11-25T10:02:00Z"),
        ];
        var refused = new List<(long Line, string Reason)>();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(EventLines.Join(lines)));

        var result = new ReplayRunner(Settings(lanes: 1), TimeProvider.System).Run(input, r => refused.Add((r.LineNumber, r.Reason.Code)));

        Assert.Equal([(1L, "timestamp-in-future")], refused);
        Assert.False(result.Order.NeedsSorting);
    }

    [Fact]
    public void Run_TwoEventsWithTheSameIdAndTime_GiveTheSameAlertsInEitherOrder()
    {
        // A producer sending two bodies under one id: the engine keeps the first, which must not depend on the file's order.
        var large = EventLines.ValidObject("dup", timestamp: "2026-11-25T10:00:00Z");
        large["amount"] = 2_000m;
        large["amountUsd"] = 6_000_000m;
        var small = EventLines.ValidObject("dup", timestamp: "2026-11-25T10:00:00Z");

        var largeFirst = Replay([large.ToJsonString(), small.ToJsonString()], lanes: 1);
        var smallFirst = Replay([small.ToJsonString(), large.ToJsonString()], lanes: 1);

        Assert.Equal(largeFirst.Alerts, smallFirst.Alerts);
        Assert.Equal(1, smallFirst.Counts.Duplicates);
    }

    [Fact]
    public void Run_InputFailsMidway_ThrowsItsErrorAfterTheLanesStop()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', Traffic.Value) + "\n");
        using var input = new FailingStream(bytes, failAfter: bytes.Length / 2);

        var ex = Assert.Throws<IOException>(() => new ReplayRunner(Settings(lanes: 3), TimeProvider.System).Run(input, _ => { }));

        Assert.Equal("disk gone", ex.Message);
    }

    [Fact]
    public void Run_SweepToTheColdWalletBeforeItsFirstRefill_IsRebalancingInAFile()
    {
        // The cold wallet sends only after the hot wallet swept $20,000,000 into it: reading the file's source wallets first
        // makes the sweep internal, as the contract defines it.
        var lines = RebalancingDay();

        var file = Replay(lines, lanes: 2);

        Assert.Empty(file.Alerts);
        Assert.Equal(2, file.Counts.Internal);
    }

    [Fact]
    public void Run_SweepToTheColdWalletBeforeItsFirstRefill_FromAPipe_IsJudgedAsAWithdrawal()
    {
        // A pipe is read once: the cold wallet is known only from its first refill on, so the sweep before it is a large
        // withdrawal to a new address (the README tells operators to list cold wallets as internalWallets).
        var lines = RebalancingDay();

        var piped = Replay(lines, lanes: 2, seekable: false);

        var alert = Assert.Single(piped.Alerts);
        Assert.Contains("\"rule\":\"large-withdrawal\"", alert, StringComparison.Ordinal);
        Assert.Contains("\"triggerEventId\":\"sweep\"", alert, StringComparison.Ordinal);
        Assert.Equal(1, piped.Counts.Internal);
    }

    private static string[] RebalancingDay()
    {
        const string Hot = "0x1111111111111111111111111111111111111111";
        const string Cold = "0x2222222222222222222222222222222222222222";
        var day = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        string Line(string id, string from, string to, decimal usd, DateTimeOffset at)
        {
            var json = EventLines.ValidObject(id, "northwind-exchange", at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json["asset"] = "USDT";
            json["amount"] = usd;
            json["amountUsd"] = usd;
            json["sourceWallet"] = from;
            json["destinationAddress"] = to;
            json.Remove("balanceAfter");
            return json.ToJsonString();
        }

        var lines = Enumerable.Range(0, 200)
            .Select(i => Line($"w-{i}", Hot, $"0x{i % 40 + 1000:x40}", 2_000m + (i % 7 * 300m), day.AddMinutes(10 * i)))
            .ToList();
        lines.Add(Line("sweep", Hot, Cold, 20_000_000m, day.AddHours(30)));
        lines.Add(Line("refill", Cold, Hot, 5_000_000m, day.AddHours(34)));
        return [.. lines];
    }

    private static (string[] Alerts, (long Received, long Evaluated, long Duplicates, long Internal, long Late) Counts, InputOrder Order) Replay(
        string[] lines, int lanes, bool seekable = true, int sortChunkBytes = TimeSortedLines.DefaultChunkBytes)
    {
        var runner = new ReplayRunner(Settings(lanes) with { SortChunkBytes = sortChunkBytes }, TimeProvider.System);
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        using var input = seekable ? new MemoryStream(bytes) : new FailingStream(bytes, failAfter: bytes.Length + 1);
        var result = runner.Run(input, rejection => Assert.Fail($"line {rejection.LineNumber} rejected: {rejection.Reason}"));
        using var output = new MemoryStream();
        AlertLinesWriter.Write(output, result.Alerts);
        var alerts = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var engine = result.Engine;
        return (alerts, (engine.Received, engine.Evaluated, engine.Duplicates, engine.InternalTransfers, engine.Late), result.Order);
    }

    private static (string[] Alerts, (long Lines, long Accepted, long Rejected, long Received) Totals, List<(long Line, string Reason, string Raw)> Rejections) ReplayKeepingRejections(
        string[] lines, int parseWorkers)
    {
        var runner = new ReplayRunner(Settings(lanes: 2) with { ParseWorkers = parseWorkers }, TimeProvider.System);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var rejections = new List<(long Line, string Reason, string Raw)>();
        var result = runner.Run(input, r => rejections.Add((r.LineNumber, r.Reason.ToString(), Encoding.UTF8.GetString(r.Raw))));
        using var output = new MemoryStream();
        AlertLinesWriter.Write(output, result.Alerts);
        var alerts = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (alerts, (result.LinesRead, result.Accepted, result.Rejected, result.Engine.Received), rejections);
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
    // Not seekable, like a pipe: the replay reads it once, so the failure happens while the lanes run.
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("disk gone") : base.Read(buffer, offset, Math.Min(count, failAfter - (int)Position));
    }
}
