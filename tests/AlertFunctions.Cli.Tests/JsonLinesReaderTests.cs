using System.Text;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>How the tool splits an input into lines, whatever the editor or pipe that produced it.</summary>
public sealed class JsonLinesReaderTests
{
    private const int MaxLineBytes = 1024 * 1024;
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4096)]
    public void ReadAll_ByteOrderMarkAtTheStart_IsDroppedHoweverTheStreamIsCut(int bytesPerRead)
    {
        var bytes = ByteOrderMark.Concat(Encoding.UTF8.GetBytes("{\"a\":1}\r\n{\"b\":2}")).ToArray();

        var lines = Read(bytes, bytesPerRead);

        Assert.Equal([(1L, "{\"a\":1}"), (2, "{\"b\":2}")], lines);
    }

    [Fact]
    public void ReadAll_ByteOrderMarkOnALaterLine_IsPartOfThatLine()
    {
        // Only the stream's start is an encoding artefact; anywhere else the bytes belong to the line (and the parser refuses it).
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}\n").Concat(ByteOrderMark).Concat(Encoding.UTF8.GetBytes("{\"b\":2}\n")).ToArray();

        var lines = Read(bytes, bytesPerRead: 4096);

        Assert.Equal([(1L, "{\"a\":1}"), (2, "\uFEFF{\"b\":2}")], lines);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB }, new[] { "\uFFFD" })]
    [InlineData(new byte[] { (byte)'{', (byte)'}' }, new[] { "{}" })]
    [InlineData(new byte[] { (byte)'\n', (byte)'\n' }, new[] { "", "" })]
    public void ReadAll_StreamShorterThanAByteOrderMark_IsSplitAsItIs(byte[] bytes, string[] expected)
    {
        var lines = Read(bytes, bytesPerRead: 1);

        Assert.Equal(expected, lines.Select(l => l.Text));
    }

    [Theory]
    [InlineData(4096, "\n", (2 * MaxLineBytes) + 7)]
    [InlineData(4096, "\r\n", (2 * MaxLineBytes) + 7)]
    [InlineData(1024 * 1024, "\r\n", (2 * MaxLineBytes) + 7)]
    [InlineData(1024 * 1024, "", (2 * MaxLineBytes) + 7)]
    [InlineData(4096, "\r\n", (2 * MaxLineBytes) - 1)] // the '\r' ends one buffer, the '\n' starts the next
    [InlineData(4096, "\r", (2 * MaxLineBytes) - 1)] // the file ends in the '\r'
    public void ReadAll_LineLongerThanTheLimit_HandsOverItsFirstBytesWithItsRealLength(int bytesPerRead, string lineBreak, int length)
    {
        var longLine = new string('x', length);
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}\n" + longLine + lineBreak + (lineBreak.EndsWith('\n') ? "{\"b\":2}\n" : ""));
        var lines = new List<(long Number, int Kept, long LineBytes)>();

        new JsonLinesReader(new TrickleStream(bytes, bytesPerRead), MaxLineBytes).ReadAll((line, number, lineBytes) => lines.Add((number, line.Length, lineBytes)));

        Assert.Equal((1L, 7, 7L), lines[0]);
        Assert.Equal(2, lines[1].Number);
        Assert.InRange(lines[1].Kept, MaxLineBytes - 8, MaxLineBytes);
        Assert.Equal(longLine.Length, lines[1].LineBytes);
        Assert.Equal(lineBreak.EndsWith('\n') ? [(3L, 7, 7L)] : [], lines.Skip(2));
    }

    private static List<(long Number, string Text)> Read(byte[] bytes, int bytesPerRead)
    {
        var lines = new List<(long, string)>();
        new JsonLinesReader(new TrickleStream(bytes, bytesPerRead)).ReadAll((line, number, _) => lines.Add((number, Encoding.UTF8.GetString(line))));
        return lines;
    }

    /// <summary>Hands over at most a few bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] bytes, int bytesPerRead) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));
    }
}
