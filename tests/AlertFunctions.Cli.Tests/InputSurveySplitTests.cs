using System.Text;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// A file read in slices on several threads gives what one pass over it gives: the same wallets in the same order, the
/// same count of late events and the same first one, wherever the slices' bounds fall (inside a line, on its line end,
/// inside a blank or oversized line, a line to a slice) and whether or not a slice's events lie behind the slices before it.
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
    public void Read_PlatformsInAndOutOfTheirOrderersOrder_SplitAnywhere_GivesOnePassResult()
    {
        // "rising": strictly later each line; "ties": same minute with ids rising; "swapped": a tie with ids falling;
        // "again": one id twice at one time; "unnamed": a line without an id. Each pattern repeats through the file, so
        // slices' bounds fall between the lines of a tie as well as inside them.
        var lines = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            lines.Add(At($"r{i}", 2 * i, platform: "rising"));
            lines.Add(At($"t{i}-a", i, platform: "ties"));
            lines.Add(At($"t{i}-b", i, platform: "ties"));
            lines.Add(At($"s{i}-{(i == 5 ? "b" : "a")}", i, platform: "swapped"));
            lines.Add(At($"s{i}-{(i == 5 ? "a" : "b")}", i, platform: "swapped"));
            lines.Add(At(i == 6 ? "g5" : $"g{i}", i == 6 ? 5 : i, platform: "again"));
            lines.Add(i == 3 ? At(null, i, platform: "unnamed") : At($"u{i}", i, platform: "unnamed"));
        }

        Assert.Equal(["rising", "ties"], Survey(lines, sliceBytes: long.MaxValue).PlatformsInOrder.Order(StringComparer.Ordinal));
        AssertSplitsAsOnePass(lines);
    }

    [Fact]
    public void Read_FileToBeSorted_TakesNoPlatformAsItComes()
    {
        var lines = Enumerable.Range(0, 10).Select(i => At($"a{i}", 300 + i, platform: "behind"))
            .Concat(Enumerable.Range(0, 10).Select(i => At($"b{i}", i, platform: "behind")))
            .Append(At("c", 1, platform: "alone"))
            .ToList();

        foreach (var sliceBytes in new long[] { 1, long.MaxValue })
        {
            var survey = Survey(lines, sliceBytes);

            Assert.True(survey.Order.NeedsSorting);
            Assert.Empty(survey.PlatformsInOrder);
        }
    }

    [Fact]
    public void Read_LateEventsInSeveralSlices_SplitAnywhere_GivesOnePassCountAndFirst()
    {
        var lines = Enumerable.Range(0, 30).Select(i => At($"e{i}", 60 + i)).ToList();
        lines[5] = At("late-1", 40);
        lines[24] = At("late-2", 10);

        AssertSplitsAsOnePass(lines);
    }

    [Fact]
    public void Read_SecondHalfBehindTheFirstHalfOnly_IsCheckedAgainAndCounted()
    {
        // Two exports concatenated: each in order on its own, the second hours behind the first. Only the first export's
        // newest time makes the second's events late.
        var lines = Enumerable.Range(0, 20).Select(i => At($"a{i}", 300 + i))
            .Concat(Enumerable.Range(0, 20).Select(i => At($"b{i}", i)))
            .ToList();
        var half = lines.Take(20).Sum(l => Encoding.UTF8.GetByteCount(l) + 1);

        foreach (var sliceBytes in new long[] { 1, 100, half - 1 })
        {
            var split = Survey(lines, sliceBytes);

            Assert.Equal(20, split.Order.OutOfOrder);
            Assert.Equal(21, split.Order.FirstOutOfOrderLine);
            Assert.Equal(Survey(lines, sliceBytes: long.MaxValue), split, SurveyComparer.Instance);
        }
    }

    [Fact]
    public void Read_ThreeExportsEachBehindTheOneBefore_CountsEachLaterOnesEventsOnce()
    {
        // The third export lies behind the second and the first: checked again after the first two slices were joined.
        var lines = Enumerable.Range(0, 10).Select(i => At($"a{i}", 600 + i))
            .Concat(Enumerable.Range(0, 10).Select(i => At($"b{i}", 300 + i)))
            .Concat(Enumerable.Range(0, 10).Select(i => At($"c{i}", i)))
            .ToList();

        var split = Survey(lines, sliceBytes: 1);

        Assert.Equal(20, split.Order.OutOfOrder);
        Assert.Equal(11, split.Order.FirstOutOfOrderLine);
        Assert.Equal(Survey(lines, sliceBytes: long.MaxValue), split, SurveyComparer.Instance);
    }

    [Fact]
    public void Read_LateWithinTheLatenessAcrossTheMiddle_NeedsNoSorting()
    {
        // Reordered by up to four minutes: the second half's first events lie behind the first half's newest, but not by
        // more than the lateness, so nothing is late and nothing is checked again.
        var lines = Enumerable.Range(0, 40).Select(i => At($"e{i}", 10 + i + (i % 2 == 0 ? 4 : 0))).ToList();

        AssertSplitsAsOnePass(lines);
        Assert.Equal(0, Survey(lines, sliceBytes: 1).Order.OutOfOrder);
    }

    [Fact]
    public void Read_MoreWalletsThanTheCap_KeepsTheSameWalletsAsOnePass()
    {
        var lines = Enumerable.Range(0, SourceWalletScan.MaxWalletsPerPlatform + 600)
            .Select(i => $$"""{"platform":"utxo","sourceWallet":"input-{{(i * 7919) % 6000}}"}""")
            .ToList();

        // Slices of about 2,000 and 1,000 lines: the first holds fewer wallets than the cap, and later ones fill it.
        foreach (var sliceBytes in new long[] { 100_000, 50_000 })
        {
            var split = Survey(lines, sliceBytes);

            Assert.Equal(SourceWalletScan.MaxWalletsPerPlatform, split.KnownWallets["utxo"].Count);
            Assert.Equal(Survey(lines, sliceBytes: long.MaxValue), split, SurveyComparer.Instance);
        }
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
    public void Read_OversizedLineAcrossASliceBound_GivesOnePassResult()
    {
        // A bound falls inside a line longer than the reader keeps, so that slice reads on to the line's end.
        var memo = new string('x', JsonLinesReader.DefaultMaxLineBytes + 100);
        var lines = new List<string> { At("a", 50), At("b", 10), $$"""{"platform":"north","sourceWallet":"big","memo":"{{memo}}"}""", At("c", 5), At("d", 60, wallet: "cold") };

        foreach (var sliceBytes in new long[] { 200, JsonLinesReader.DefaultMaxLineBytes / 2 })
        {
            var split = Survey(lines, sliceBytes);

            Assert.Equal(2, split.Order.OutOfOrder);
            Assert.Equal(Survey(lines, sliceBytes: long.MaxValue), split, SurveyComparer.Instance);
        }
    }

    [Fact]
    public void Read_FileOfSeveralMegabytes_IsSlicedByDefaultAndGivesOnePassResult()
    {
        // Above ParallelFromBytes the default cuts the file into slices of a megabyte or more; a sixth of the events
        // lie far behind, so slices are joined both ways.
        var lines = Enumerable.Range(0, 48_000)
            .Select(i => At($"e{i}", i % 6 == 5 ? i / 2 : i, platform: i % 3 == 0 ? "south" : "north", wallet: $"w{i % 97}"))
            .ToList();
        Assert.True(lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1) >= InputSurvey.ParallelFromBytes);

        var sliced = Survey(lines, sliceBytes: null);

        Assert.True(sliced.Order.OutOfOrder > 0);
        Assert.Equal(Survey(lines, sliceBytes: long.MaxValue), sliced, SurveyComparer.Instance);
    }

    [Fact]
    public void Read_CountsEachPlatformsEventsWithATime_InSlicesAsInOnePass()
    {
        // Lines the main pass refuses for their time are not counted; late lines are (the engine still takes them).
        var lines = Enumerable.Range(0, 30).Select(i => At($"e{i}", 100 + i, platform: i % 3 == 0 ? "south" : "north")).ToList();
        lines[4] = At("late", 1);
        lines[7] = """{"eventId":"no-time","platform":"north","sourceWallet":"hot"}""";
        lines[8] = """{"eventId":"bad-time","platform":"south","sourceWallet":"hot","timestamp":"yesterday"}""";

        foreach (var sliceBytes in new long?[] { null, 1, 500 })
        {
            var survey = Survey(lines, sliceBytes);

            Assert.Equal(18, survey.EventsByPlatform["north"]);
            Assert.Equal(10, survey.EventsByPlatform["south"]);
            Assert.Equal(2, survey.EventsByPlatform.Count);
        }
    }

    [Fact]
    public void Read_NoLineEndAfterTheFirstSlice_ReadsInOnePass()
    {
        var lines = new List<string> { At("a", 50), At("b", 1) + new string(' ', 4000) };
        using var directory = new TemporaryDirectory();
        var path = directory.Write("events.jsonl", string.Join('\n', lines));

        using var input = File.OpenRead(path);
        var survey = InputSurvey.Read(input, Lateness, AcceptedTimes.Any, sliceBytes: 1);

        Assert.Equal(1, survey.Order.OutOfOrder);
        Assert.Equal(2, survey.Order.FirstOutOfOrderLine);
    }

    [Fact]
    public void Read_FromAPositionInTheFile_SurveysTheRestAndRewindsThere()
    {
        var lines = Enumerable.Range(0, 30).Select(i => At($"e{i}", 30 - i)).ToList();
        using var directory = new TemporaryDirectory();
        var path = directory.Write("events.jsonl", "skipped\n" + string.Join('\n', lines) + "\n");

        InputSurvey Read(long sliceBytes)
        {
            using var input = File.OpenRead(path);
            input.Position = "skipped\n".Length;
            var survey = InputSurvey.Read(input, Lateness, AcceptedTimes.Any, sliceBytes);
            Assert.Equal("skipped\n".Length, input.Position);
            return survey;
        }

        Assert.Equal(Read(long.MaxValue), Read(1), SurveyComparer.Instance);
        Assert.Equal(Read(long.MaxValue), Read(300), SurveyComparer.Instance);
    }

    /// <summary>
    /// Moves the slices' bounds across every byte of the lines around them, by padding the first line, for slices of one
    /// line each, of a few lines, and of half the file.
    /// </summary>
    private static void AssertSplitsAsOnePass(List<string> lines)
    {
        var longest = lines.Max(l => Encoding.UTF8.GetByteCount(l)) + 1;
        for (var padding = 0; padding <= 2 * longest; padding++)
        {
            var padded = lines.ToList();
            padded.Insert(0, $$"""{"pad":"{{new string('p', padding)}}"}""");
            var onePass = Survey(padded, sliceBytes: long.MaxValue);
            var half = padded.Sum(l => Encoding.UTF8.GetByteCount(l) + 1) / 2;
            foreach (var sliceBytes in new long[] { 1, 3 * longest, half })
            {
                Assert.Equal(onePass, Survey(padded, sliceBytes), SurveyComparer.Instance);
            }
        }
    }

    private static string At(string? id, int minute, string platform = "north", string wallet = "hot") =>
        $$"""{{{(id is null ? "" : $"\"eventId\":\"{id}\",")}}"platform":"{{platform}}","sourceWallet":"{{wallet}}","timestamp":"{{new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc).AddMinutes(minute):yyyy-MM-ddTHH:mm:ss}}Z"}""";

    private static InputSurvey Survey(IReadOnlyList<string> lines, long? sliceBytes)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("events.jsonl", string.Join('\n', lines) + "\n");
        using var input = File.OpenRead(path);
        return InputSurvey.Read(input, Lateness, AcceptedTimes.Any, sliceBytes);
    }

    /// <summary>Same wallets per platform in the same order, the same order check, the same events per platform and the same platforms in order.</summary>
    private sealed class SurveyComparer : IEqualityComparer<InputSurvey>
    {
        public static SurveyComparer Instance { get; } = new();

        public bool Equals(InputSurvey? x, InputSurvey? y) =>
            x is not null && y is not null
            && x.Order == y.Order
            && x.KnownWallets.Keys.SequenceEqual(y.KnownWallets.Keys)
            && x.KnownWallets.All(p => p.Value.SequenceEqual(y.KnownWallets[p.Key]))
            && x.EventsByPlatform.Count == y.EventsByPlatform.Count
            && x.EventsByPlatform.All(p => y.EventsByPlatform.TryGetValue(p.Key, out var events) && events == p.Value)
            && x.PlatformsInOrder.SetEquals(y.PlatformsInOrder);

        public int GetHashCode(InputSurvey obj) => obj.Order.GetHashCode();
    }
}
