using System.Text;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// A file read as two halves on two threads gives what one pass over it gives: the same wallets in the same order, the
/// same count of late events and the same first one, wherever the middle falls (inside a line, on its line end, inside a
/// blank or oversized line) and whether or not the second half's events lie behind the first half's.
/// </summary>
public sealed class InputSurveySplitTests
{
    private static readonly TimeSpan Lateness = TimeSpan.FromMinutes(5);

    [Fact]
    public void Read_InOrderFile_SplitAnywhere_GivesOnePassResult()
    {
        var lines = Enumerable.Range(0, 40).Select(i => At($"e{i}", i, platform: i % 3 == 0 ? "south" : "north", wallet: $"w{i % 7}")).ToList();
        lines.Insert(10, "");
        lines.Insert(25, "   \r");

        AssertSplitsAsOnePass(lines);
    }

    [Fact]
    public void Read_LateEventsInBothHalves_SplitAnywhere_GivesOnePassCountAndFirst()
    {
        var lines = Enumerable.Range(0, 30).Select(i => At($"e{i}", 60 + i)).ToList();
        lines[5] = At("late-1", 40);
        lines[24] = At("late-2", 10);

        AssertSplitsAsOnePass(lines);
    }

    [Fact]
    public void Read_SecondHalfBehindTheFirstHalfOnly_IsCheckedAgainAndCounted()
    {
        // Two exports concatenated: each in order on its own, the second hours behind the first. Only the first half's
        // newest time makes the second half's events late.
        var lines = Enumerable.Range(0, 20).Select(i => At($"a{i}", 300 + i))
            .Concat(Enumerable.Range(0, 20).Select(i => At($"b{i}", i)))
            .ToList();

        var split = Survey(lines, splitFromBytes: 0);

        Assert.Equal(20, split.Order.OutOfOrder);
        Assert.Equal(21, split.Order.FirstOutOfOrderLine);
        Assert.Equal(Survey(lines, splitFromBytes: long.MaxValue), split, SurveyComparer.Instance);
    }

    [Fact]
    public void Read_LateWithinTheLatenessAcrossTheMiddle_NeedsNoSorting()
    {
        // Reordered by up to four minutes: the second half's first events lie behind the first half's newest, but not by
        // more than the lateness, so nothing is late and nothing is checked again.
        var lines = Enumerable.Range(0, 40).Select(i => At($"e{i}", 10 + i + (i % 2 == 0 ? 4 : 0))).ToList();

        AssertSplitsAsOnePass(lines);
        Assert.Equal(0, Survey(lines, splitFromBytes: 0).Order.OutOfOrder);
    }

    [Fact]
    public void Read_MoreWalletsThanTheCap_KeepsTheSameWalletsAsOnePass()
    {
        var lines = Enumerable.Range(0, SourceWalletScan.MaxWalletsPerPlatform + 600)
            .Select(i => $$"""{"platform":"utxo","sourceWallet":"input-{{(i * 7919) % 6000}}"}""")
            .ToList();

        var split = Survey(lines, splitFromBytes: 0);

        Assert.Equal(SourceWalletScan.MaxWalletsPerPlatform, split.KnownWallets["utxo"].Count);
        Assert.Equal(Survey(lines, splitFromBytes: long.MaxValue), split, SurveyComparer.Instance);
    }

    [Fact]
    public void Read_ByteOrderMarks_OnlyTheFilesFirstIsDropped()
    {
        // A mark at the start of a line in the middle is part of that line for one pass; the second half must not drop it.
        var lines = Enumerable.Range(0, 30).Select(i => (i % 4 == 1 ? "\uFEFF" : "") + At($"e{i}", 60 - i)).ToList();
        lines[0] = "\uFEFF" + lines[0];

        AssertSplitsAsOnePass(lines);
    }

    [Fact]
    public void Read_OversizedLineAcrossTheMiddle_GivesOnePassResult()
    {
        // The middle falls inside a line longer than the reader keeps, so the first half reads past it to its end.
        var memo = new string('x', JsonLinesReader.DefaultMaxLineBytes + 100);
        var lines = new List<string> { At("a", 50), At("b", 10), $$"""{"platform":"north","sourceWallet":"big","memo":"{{memo}}"}""", At("c", 5), At("d", 60, wallet: "cold") };

        var split = Survey(lines, splitFromBytes: 0);

        Assert.Equal(2, split.Order.OutOfOrder);
        Assert.Equal(Survey(lines, splitFromBytes: long.MaxValue), split, SurveyComparer.Instance);
    }

    [Fact]
    public void Read_NoLineEndAfterTheMiddle_ReadsInOnePass()
    {
        var lines = new List<string> { At("a", 50), At("b", 1) + new string(' ', 4000) };
        using var directory = new TemporaryDirectory();
        var path = directory.Write("events.jsonl", string.Join('\n', lines));

        using var input = File.OpenRead(path);
        var survey = InputSurvey.Read(input, Lateness, AcceptedTimes.Any, splitFromBytes: 0);

        Assert.Equal(1, survey.Order.OutOfOrder);
        Assert.Equal(2, survey.Order.FirstOutOfOrderLine);
    }

    [Fact]
    public void Read_FromAPositionInTheFile_SurveysTheRestAndRewindsThere()
    {
        var lines = Enumerable.Range(0, 30).Select(i => At($"e{i}", 30 - i)).ToList();
        using var directory = new TemporaryDirectory();
        var path = directory.Write("events.jsonl", "skipped\n" + string.Join('\n', lines) + "\n");

        InputSurvey Read(long splitFromBytes)
        {
            using var input = File.OpenRead(path);
            input.Position = "skipped\n".Length;
            var survey = InputSurvey.Read(input, Lateness, AcceptedTimes.Any, splitFromBytes);
            Assert.Equal("skipped\n".Length, input.Position);
            return survey;
        }

        Assert.Equal(Read(long.MaxValue), Read(0), SurveyComparer.Instance);
    }

    /// <summary>Moves the middle across every byte of the lines around it, by padding the first line.</summary>
    private static void AssertSplitsAsOnePass(List<string> lines)
    {
        var longest = lines.Max(l => Encoding.UTF8.GetByteCount(l)) + 1;
        for (var padding = 0; padding <= 2 * longest; padding++)
        {
            var padded = lines.ToList();
            padded.Insert(0, $$"""{"pad":"{{new string('p', padding)}}"}""");
            Assert.Equal(Survey(padded, splitFromBytes: long.MaxValue), Survey(padded, splitFromBytes: 0), SurveyComparer.Instance);
        }
    }

    private static string At(string id, int minute, string platform = "north", string wallet = "hot") =>
        $$"""{"eventId":"{{id}}","platform":"{{platform}}","sourceWallet":"{{wallet}}","timestamp":"{{new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc).AddMinutes(minute):yyyy-MM-ddTHH:mm:ss}}Z"}""";

    private static InputSurvey Survey(IReadOnlyList<string> lines, long splitFromBytes)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("events.jsonl", string.Join('\n', lines) + "\n");
        using var input = File.OpenRead(path);
        return InputSurvey.Read(input, Lateness, AcceptedTimes.Any, splitFromBytes);
    }

    /// <summary>Same wallets per platform in the same order, and the same order check.</summary>
    private sealed class SurveyComparer : IEqualityComparer<InputSurvey>
    {
        public static SurveyComparer Instance { get; } = new();

        public bool Equals(InputSurvey? x, InputSurvey? y) =>
            x is not null && y is not null
            && x.Order == y.Order
            && x.KnownWallets.Keys.SequenceEqual(y.KnownWallets.Keys)
            && x.KnownWallets.All(p => p.Value.SequenceEqual(y.KnownWallets[p.Key]));

        public int GetHashCode(InputSurvey obj) => obj.Order.GetHashCode();
    }
}
