using System.Text;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The sorter the replay uses for out-of-order files: event-time order with ties in file order, every line under its
/// original number, the same result whether it fits in memory or is merged from runs on disk, and no file left behind.
/// </summary>
public sealed class TimeSortedLinesTests
{
    [Fact]
    public void ReadAll_ShuffledLines_ComeInEventTimeOrderUnderTheirOwnNumbers()
    {
        string[] lines = [At("a", "10:05:00"), At("b", "10:00:00"), At("c", "10:05:00"), At("d", "09:00:00.5"), At("e", "10:00:00")];

        var sorted = Sort(lines, chunkBytes: TimeSortedLines.DefaultChunkBytes, out var runsOnDisk);

        Assert.Equal([(4L, "d"), (2, "b"), (5, "e"), (1, "a"), (3, "c")], sorted.Select(l => (l.Number, IdOf(l.Text))));
        Assert.Equal(0, runsOnDisk);
    }

    [Fact]
    public void ReadAll_LinesWithoutAReadableTime_ComeFirstInFileOrderAndUnchanged()
    {
        string[] lines = [At("a", "10:00:00"), "{not json", At("b", "09:00:00"), """{"eventId":"c","timestamp":"soon"}""", ""];

        var sorted = Sort(lines, chunkBytes: TimeSortedLines.DefaultChunkBytes, out _);

        Assert.Equal([(2L, "{not json"), (4, """{"eventId":"c","timestamp":"soon"}"""), (5, ""), (3, lines[2]), (1, lines[0])], sorted.Select(l => (l.Number, l.Text)));
    }

    [Fact]
    public void ReadAll_MoreThanOneChunk_MergesRunsFromDiskIntoTheSameOrderAsOneChunk()
    {
        var random = new Random(20261128);
        var lines = Enumerable.Range(0, 2_000)
            .Select(i => At($"e{i}", $"{random.Next(10, 14):00}:{random.Next(60):00}:{random.Next(60):00}"))
            .ToArray();
        using var folder = new TemporaryDirectory();

        var inMemory = Sort(lines, chunkBytes: TimeSortedLines.DefaultChunkBytes, out var noRuns);
        var merged = Sort(lines, chunkBytes: 8 * 1024, out var runsOnDisk, folder.Path);

        Assert.Equal(0, noRuns);
        Assert.InRange(runsOnDisk, 10, 40);
        Assert.Equal(inMemory, merged);
        Assert.Equal(lines.Length, merged.Select(l => l.Number).Distinct().Count());
        Assert.Empty(Directory.EnumerateFiles(folder.Path));
    }

    [Fact]
    public void ReadAll_LineLongerThanTheReaderTakes_StaysTruncatedUnderItsNumber()
    {
        const int MaxLineBytes = 1024 * 1024;
        var bytes = Encoding.UTF8.GetBytes(EventLines.Join(At("a", "10:00:00"), new string('x', MaxLineBytes * 3 / 2), At("b", "09:00:00")));
        using var input = new MemoryStream(bytes);
        using var sorted = TimeSortedLines.Sort(input, maxLineBytes: MaxLineBytes);
        var seen = new List<(long Number, long LineBytes, int Length)>();

        sorted.ReadAll((line, number, lineBytes) => seen.Add((number, lineBytes, line.Length)));

        Assert.Equal([2L, 3, 1], seen.Select(s => s.Number));
        Assert.Equal(MaxLineBytes * 3 / 2, seen[0].LineBytes);
        Assert.All(seen.Skip(1), s => Assert.Equal(s.Length, s.LineBytes));
        Assert.InRange(seen[0].Length, 1, MaxLineBytes);
        Assert.Equal([At("b", "09:00:00").Length, At("a", "10:00:00").Length], seen.Skip(1).Select(s => s.Length));
        Assert.Equal(bytes.Length, sorted.BytesRead);
    }

    private static string At(string id, string time) =>
        $$"""{"eventId":"{{id}}","platform":"northwind","sourceWallet":"hot","timestamp":"2026-11-25T{{time}}Z"}""";

    private static string IdOf(string line) => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("eventId").GetString()!;

    private static List<(long Number, string Text)> Sort(string[] lines, int chunkBytes, out int runsOnDisk, string? folder = null)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        using var sorted = TimeSortedLines.Sort(input, chunkBytes, temporaryFolder: folder);
        runsOnDisk = sorted.RunsOnDisk;
        if (folder is not null && !OperatingSystem.IsWindows())
        {
            // The runs are open but already nameless: a replay killed now leaves nothing in the folder.
            Assert.Empty(Directory.EnumerateFiles(folder));
        }

        var result = new List<(long, string)>();
        sorted.ReadAll((line, number, lineBytes) =>
        {
            Assert.Equal(line.Length, lineBytes);
            result.Add((number, Encoding.UTF8.GetString(line)));
        });
        return result;
    }
}
