using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// A file's lines sorted by event time (ties in file order), for input the per-platform orderers cannot put in order (see
/// <see cref="EventOrderCheck"/>): an export ordered by wallet or asset, or files concatenated. Lines are sorted in chunks
/// of about <see cref="DefaultChunkBytes"/> of text; a file larger than one chunk has each sorted chunk written to a
/// temporary file and the chunks merged, so memory is bounded by the chunk size, not the file's length. Every line keeps
/// its number in the input (rejections name it). A line whose timestamp cannot be read (the main pass refuses it) sorts
/// first. Times are read as the parser reads them (<see cref="EventTimestamp"/>). Read once; temporary files are deleted
/// on dispose.
/// </summary>
internal sealed class TimeSortedLines : ILineSource, IDisposable
{
    public const int DefaultChunkBytes = 64 * 1024 * 1024;
    private readonly List<ISortedRun> _runs;
    private readonly long _inputBytes;
    private bool _read;

    private TimeSortedLines(List<ISortedRun> runs, int maxLineBytes, long inputBytes)
    {
        _runs = runs;
        MaxLineBytes = maxLineBytes;
        _inputBytes = inputBytes;
    }

    public int MaxLineBytes { get; }

    public long BytesRead { get; private set; }

    /// <summary>How many sorted runs were written to temporary files (none when the input fits in one chunk).</summary>
    public int RunsOnDisk => _runs.Count(run => run is SortRunFile);

    /// <summary>Reads the stream from its current position to the end and sorts its lines.</summary>
    public static TimeSortedLines Sort(Stream input, int chunkBytes = DefaultChunkBytes, string? temporaryFolder = null, int maxLineBytes = JsonLinesReader.DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        var folder = temporaryFolder ?? Path.GetTempPath();
        var runs = new List<ISortedRun>();
        var reader = new JsonLinesReader(input, maxLineBytes);
        try
        {
            var chunk = new SortChunk();
            reader.ReadAll((line, lineNumber, lineBytes) =>
            {
                if (chunk.Count > 0 && chunk.Bytes + line.Length > chunkBytes)
                {
                    chunk.Sort();
                    runs.Add(SortRunFile.Write(chunk, folder));
                    chunk = new SortChunk();
                }

                chunk.Add(line, lineNumber, lineBytes, lineBytes > line.Length ? long.MinValue : EventTicks(line));
            });
            chunk.Sort();
            runs.Add(chunk);
        }
        catch
        {
            runs.ForEach(run => run.Dispose());
            throw;
        }

        return new TimeSortedLines(runs, reader.MaxLineBytes, reader.BytesRead);
    }

    public void ReadAll(JsonLinesReader.LineHandler onLine)
    {
        if (_read)
        {
            throw new InvalidOperationException("sorted lines are read once");
        }

        _read = true;
        var next = new PriorityQueue<ISortedRun, (long Ticks, long Line)>(_runs.Count);
        foreach (var run in _runs)
        {
            if (run.MoveNext())
            {
                next.Enqueue(run, run.Key);
            }
        }

        while (next.TryDequeue(out var run, out var key))
        {
            var text = run.Text;
            BytesRead = Math.Min(_inputBytes, BytesRead + text.Length + 1);
            onLine(text, key.Line, run.LineBytes);
            if (run.MoveNext())
            {
                next.Enqueue(run, run.Key);
            }
        }

        BytesRead = _inputBytes;
    }

    public void Dispose() => _runs.ForEach(run => run.Dispose());

    private static long EventTicks(ReadOnlySpan<byte> line) =>
        EventTimestamp.TryParse(FirstPassFields.Read(line).Timestamp, out var at) ? at.UtcTicks : long.MinValue;
}
