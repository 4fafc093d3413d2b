using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Lines copied out of the reader's buffer so another thread can parse them (see <see cref="ParseWorkers"/>), with their
/// parse results once it has. Recycled: the reading thread fills it, a parse worker parses it, the reading thread routes
/// its results in input order and fills it again.
/// </summary>
internal sealed class LineBlock
{
    /// <summary>At most this many lines; fewer once <see cref="TargetBytes"/> of text are held.</summary>
    public const int MaxLines = 512;

    public const int TargetBytes = 256 * 1024;

    private readonly int[] _starts = new int[MaxLines];
    private readonly int[] _lengths = new int[MaxLines];
    private readonly long[] _lineNumbers = new long[MaxLines];
    private readonly long[] _lineBytes = new long[MaxLines];
    private readonly ManualResetEventSlim _parsed = new(false);
    private byte[] _bytes = new byte[TargetBytes];
    private int _used;
    private Exception? _failure;

    public ParseResult[] Results { get; } = new ParseResult[MaxLines];

    public int Count { get; private set; }

    public bool IsFull => Count == MaxLines || _used >= TargetBytes;

    /// <param name="lineBytes">The line's real length: more than <paramref name="line"/>'s when the reader cut it.</param>
    public void Add(ReadOnlySpan<byte> line, long lineNumber, long lineBytes)
    {
        if (_bytes.Length - _used < line.Length)
        {
            // Only a line longer than the room left (a long or oversized line): the block ends after it.
            Array.Resize(ref _bytes, _used + line.Length);
        }

        line.CopyTo(_bytes.AsSpan(_used));
        _starts[Count] = _used;
        _lengths[Count] = line.Length;
        _lineNumbers[Count] = lineNumber;
        _lineBytes[Count] = lineBytes;
        _used += line.Length;
        Count++;
    }

    public ReadOnlySpan<byte> Line(int index) => _bytes.AsSpan(_starts[index], _lengths[index]);

    public long LineNumber(int index) => _lineNumbers[index];

    /// <summary>The line's real length in bytes; more than <see cref="Line"/>'s when the reader cut it.</summary>
    public long LineBytes(int index) => _lineBytes[index];

    /// <summary>Worker side: parses every line, then lets <see cref="WaitParsed"/> return.</summary>
    /// <param name="maxLineBytes">The reader's limit, named in a truncated line's rejection.</param>
    public void Parse(WithdrawalEventParser parser, int maxLineBytes)
    {
        try
        {
            for (var i = 0; i < Count; i++)
            {
                Results[i] = _lineBytes[i] > _lengths[i]
                    ? OversizedLine.Rejection(_lineBytes[i], maxLineBytes)
                    : parser.Parse(Line(i));
            }
        }
        catch (Exception ex)
        {
            _failure = ex;
        }
        finally
        {
            _parsed.Set();
        }
    }

    /// <summary>Reading side: waits until a worker has parsed the block; rethrows what stopped it.</summary>
    public void WaitParsed()
    {
        _parsed.Wait();
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("parsing a block of lines failed", failure);
        }
    }

    /// <summary>Empties the block for the next lines; drops the results' references so parsed events do not outlive their turn.</summary>
    public void Reset()
    {
        Array.Clear(Results, 0, Count);
        Count = 0;
        _used = 0;
        _failure = null;
        _parsed.Reset();
        if (_bytes.Length > TargetBytes * 2)
        {
            // Grown for one long line: not kept for the rest of the replay.
            _bytes = new byte[TargetBytes];
        }
    }
}
