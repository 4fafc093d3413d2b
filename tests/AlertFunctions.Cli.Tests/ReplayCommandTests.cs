using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>The replay command (the lead's code) exercised only through the command line, as a user runs it.</summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public async Task Replay_NoFileArgument_ReplaysTheEmbeddedSampleAndReportsEveryAlertId()
    {
        using var directory = new TemporaryDirectory();
        var alertsOut = directory.File("alerts.jsonl");
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", "--alerts-out", alertsOut);

        Assert.Equal(0, exitCode);
        var alertIds = AlertIds(alertsOut);
        Assert.NotEmpty(alertIds);
        Assert.All(alertIds, id => Assert.Contains(id, cli.Output, StringComparison.Ordinal));
        Assert.Contains("embedded sample day", cli.Output, StringComparison.Ordinal);
        Assert.Equal(SampleDay.ReadLines().Length, ReplayReport.Count(cli.Output, "Events read"));
        Assert.Equal(0, ReplayReport.Count(cli.Output, "Rejected"));
    }

    [Fact]
    public async Task Replay_EmbeddedSample_NamesWhereEachAlertsFundsWent()
    {
        using var directory = new TemporaryDirectory();
        var alertsOut = directory.File("alerts.jsonl");
        using var cli = NewWideHarness();

        await cli.RunAsync("replay", "--alerts-out", alertsOut);

        var alerts = File.ReadAllLines(alertsOut, Encoding.UTF8).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var lines = cli.Output.Split('\n').Select(line => line.TrimEnd()).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(alerts);
        Assert.All(alerts, alert =>
        {
            var destinations = alert.GetProperty("destinations").EnumerateArray().Select(d => d.GetString()!).ToList();
            var more = destinations.Count - 3 + alert.GetProperty("destinationsOmitted").GetInt32();
            var expected = $"  to {string.Join(", ", destinations.Take(3))}" + (more > 0 ? $" and {more} more" : string.Empty);
            Assert.Contains(expected, lines);
        });
    }

    [Fact]
    public async Task Replay_SameFileTwice_WritesByteIdenticalAlerts()
    {
        using var directory = new TemporaryDirectory();
        var first = directory.File("first.jsonl");
        var second = directory.File("second.jsonl");

        Assert.Equal(0, await ReplayAsync(SampleDay.Path, first));
        Assert.Equal(0, await ReplayAsync(SampleDay.Path, second));

        var bytes = File.ReadAllBytes(first);
        Assert.NotEmpty(bytes);
        Assert.Equal(bytes, File.ReadAllBytes(second));
    }

    [Fact]
    public async Task Replay_DuplicatedAndShuffledWithinAMinute_WritesTheSameAlertBytes()
    {
        using var directory = new TemporaryDirectory();
        var lines = SampleDay.ReadLines();
        var random = new Random(20261127);
        var duplicates = 0;
        var disordered = new List<string>(lines.Length * 11 / 10);
        foreach (var minute in lines.GroupBy(MinuteOf))
        {
            var group = minute.ToList();
            foreach (var line in minute)
            {
                if (random.NextDouble() < 0.10)
                {
                    group.Add(line);
                    duplicates++;
                }
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(group));
            disordered.AddRange(group);
        }

        Assert.NotEqual(lines, disordered.Where((_, i) => i < lines.Length));
        Assert.InRange(duplicates, lines.Length / 20, lines.Length / 5);
        var variant = directory.Write("variant.jsonl", string.Join('\n', disordered) + "\n");

        var (baseline, actual) = await ReplaySampleDayAndAsync(directory, variant);

        Assert.NotEmpty(baseline.Alerts);
        Assert.Equal(baseline.Alerts, actual.Alerts);
        Assert.Equal(ReplayReport.Count(baseline.Output, "Duplicates skipped") + duplicates, ReplayReport.Count(actual.Output, "Duplicates skipped"));
    }

    [Fact]
    public async Task Replay_SampleDayShuffledThroughout_SortsItAndWritesTheSameAlertBytes()
    {
        // Incidents appended after the normal traffic they happened during, or an export ordered by wallet: the file is
        // sorted before detection, so no withdrawal reaches its wallet's windows late.
        using var directory = new TemporaryDirectory();
        var lines = SampleDay.ReadLines();
        new Random(20261128).Shuffle(lines);
        var shuffled = directory.Write("shuffled.jsonl", string.Join('\n', lines) + "\n");

        var (baseline, actual) = await ReplaySampleDayAndAsync(directory, shuffled);

        Assert.Matches(@"Input order\s*│ in event-time order", baseline.Output);
        Assert.Matches(@"Input order\s*│ sorted by event time: [0-9,]+ event\(s\) lay more than the allowed lateness behind", actual.Output);
        Assert.NotEmpty(baseline.Alerts);
        Assert.Equal(baseline.Alerts, actual.Alerts);
        Assert.Equal(0, ReplayReport.Count(actual.Output, "Late (outside windows)"));
    }

    [Fact]
    public async Task Replay_OutOfOrderFromStandardInput_CountsTheLateEventsAndSaysHowToAvoidThem()
    {
        var lines = SampleDay.ReadLines();
        new Random(20261128).Shuffle(lines);
        using var cli = NewWideHarness();
        cli.StandardInput = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

        Assert.Equal(0, await cli.RunAsync("replay", "-"));

        Assert.Matches(@"Input order\s*│ not checked \(standard input is read once\)", cli.Output);
        Assert.InRange(ReplayReport.Count(cli.Output, "Late (outside windows)"), lines.Length / 4, lines.Length);
        Assert.Contains("replay the file itself, not standard input, and it is sorted first", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MalformedLines_Exits0AndWritesEachRejectedLineWithItsReason()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(
            EventLines.Valid("a"),
            "{not json",
            EventLines.Valid("b"),
            EventLines.With("amount", "-3"),
            "",
            EventLines.Without("destinationAddress"),
            EventLines.Valid("c"),
            " \t\r"));
        var rejectedOut = directory.File("rejected.jsonl");
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", file, "--rejected-out", rejectedOut);

        Assert.Equal(0, exitCode);
        var rejected = File.ReadAllLines(rejectedOut).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([2, 4, 6], rejected.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Equal(["invalid-json", "amount-not-positive", "missing-field"], rejected.Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal("field 'amount' must be greater than 0, was -3", rejected[1].GetProperty("message").GetString());
        Assert.Equal("required field 'destinationAddress' is missing", rejected[2].GetProperty("message").GetString());
        Assert.Equal("{not json", rejected[0].GetProperty("raw").GetString());
        var read = ReplayReport.Count(cli.Output, "Events read");
        var accepted = ReplayReport.Count(cli.Output, "Accepted");
        var refused = ReplayReport.Count(cli.Output, "Rejected");
        Assert.Equal((6L, 3L, 3L), (read, accepted, refused));
        Assert.Equal(read, accepted + refused);
    }

    [Fact]
    public async Task Replay_LineOverTheReadersLimit_RejectedOutSaysTheRawIsCutAndGivesTheLinesLength()
    {
        using var directory = new TemporaryDirectory();
        var oversized = $$"""{"eventId":"big","memo":"{{new string('x', 5_000_000)}}"}""";
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a"), oversized, "{not json"));
        var rejectedOut = directory.File("rejected.jsonl");
        using var cli = NewWideHarness();

        Assert.Equal(0, await cli.RunAsync("replay", file, "--rejected-out", rejectedOut));

        var rejected = File.ReadAllLines(rejectedOut).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([2L, 3], rejected.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Equal("body-too-large", rejected[0].GetProperty("reason").GetString());
        Assert.Equal($"line is {oversized.Length} bytes; lines are read up to 4194304 bytes", rejected[0].GetProperty("message").GetString());
        Assert.Equal(4 * 1024 * 1024, rejected[0].GetProperty("raw").GetString()!.Length);
        Assert.True(rejected[0].GetProperty("rawTruncated").GetBoolean());
        Assert.Equal(oversized.Length, rejected[0].GetProperty("lineBytes").GetInt64());
        Assert.False(rejected[1].TryGetProperty("rawTruncated", out _));
        Assert.False(rejected[1].TryGetProperty("lineBytes", out _));
    }

    [Fact]
    public async Task Replay_LineThatIsNotUtf8_RejectedOutKeepsItsBytesAsBase64()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.File("events.jsonl");
        byte[] notUtf8 = [(byte)'{', 0xC3, 0x28, (byte)'}'];
        File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes(EventLines.Valid("a") + "\n"), .. notUtf8, (byte)'\n']);
        var rejectedOut = directory.File("rejected.jsonl");
        using var cli = NewWideHarness();

        Assert.Equal(0, await cli.RunAsync("replay", file, "--rejected-out", rejectedOut));

        var rejected = JsonDocument.Parse(File.ReadAllText(rejectedOut)).RootElement;
        Assert.False(rejected.TryGetProperty("raw", out _));
        Assert.Equal(notUtf8, rejected.GetProperty("rawBase64").GetBytesFromBase64());
    }

    [Fact]
    public async Task Replay_EventsWithoutAmountUsdOfAnUnpricedAsset_CountsThemAndNamesTheAsset()
    {
        // ETH has a built-in reference price, so its event without amountUsd is valued; the two NEWT events are not.
        using var directory = new TemporaryDirectory();
        static string Unpriced(string id, string asset)
        {
            var json = EventLines.ValidObject(id);
            json.Remove("amountUsd");
            json["asset"] = asset;
            return json.ToJsonString();
        }

        var file = directory.Write("events.jsonl", EventLines.Join(Unpriced("a", "NEWT"), Unpriced("b", "ETH"), Unpriced("c", "NEWT"), EventLines.Valid("d")));
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", file);

        Assert.Equal(0, exitCode);
        Assert.Equal(2, ReplayReport.Count(cli.Output, "Without USD value"));
        Assert.Contains("no amountUsd and no reference price: NEWT;", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Add referencePricesUsd to a rules file", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_DirectoryGivenAsTheFile_Exits3SayingItIsADirectory()
    {
        using var directory = new TemporaryDirectory();
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", directory.Path);

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: {directory.Path} is a directory, not a file\n", cli.Output);
    }

    private static CliHarness NewWideHarness()
    {
        var cli = new CliHarness();
        cli.Console.Width(250);
        return cli;
    }

    /// <summary>Replays the shipped sample day and a variant of it, each with --alerts-out: what each printed and the alert bytes it wrote.</summary>
    private static async Task<((string Output, byte[] Alerts) Baseline, (string Output, byte[] Alerts) Variant)> ReplaySampleDayAndAsync(TemporaryDirectory directory, string variant)
    {
        var expected = directory.File("expected.jsonl");
        var actual = directory.File("actual.jsonl");
        using var baseline = NewWideHarness();
        Assert.Equal(0, await baseline.RunAsync("replay", SampleDay.Path, "--alerts-out", expected));
        using var cli = NewWideHarness();
        Assert.Equal(0, await cli.RunAsync("replay", variant, "--alerts-out", actual));
        return ((baseline.Output, File.ReadAllBytes(expected)), (cli.Output, File.ReadAllBytes(actual)));
    }

    private static async Task<int> ReplayAsync(string events, string alertsOut)
    {
        using var cli = NewWideHarness();
        return await cli.RunAsync("replay", events, "--alerts-out", alertsOut);
    }

    private static List<string> AlertIds(string alertsFile) =>
        File.ReadAllLines(alertsFile, Encoding.UTF8).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("alertId").GetString()!).ToList();

    private static long MinuteOf(string line)
    {
        var timestamp = JsonDocument.Parse(line).RootElement.GetProperty("timestamp").GetString()!;
        return DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).ToUnixTimeSeconds() / 60;
    }
}
