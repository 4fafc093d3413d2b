namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Lines held in memory for <see cref="TimeSortedLines"/>: their text packed into one buffer, and a key and position for
/// each. Once sorted it is read as a run, in memory or after being written to disk (<see cref="SortRunFile"/>).
/// </summary>
internal sealed class SortChunk : ISortedRun
{
    private readonly List<Entry> _entries = [];
    private byte[] _text = new byte[64 * 1024];
    private int _current = -1;

    /// <summary>Bytes of line text held.</summary>
    public int Bytes { get; private set; }

    public int Count => _entries.Count;

    public (long Ticks, long Line) Key => (_entries[_current].Ticks, _entries[_current].Line);

    public long LineBytes => _entries[_current].LineBytes;

    public ReadOnlySpan<byte> Text => _text.AsSpan(_entries[_current].Offset, _entries[_current].Length);

    public void Add(ReadOnlySpan<byte> line, long lineNumber, long lineBytes, long ticks)
    {
        if (Bytes + line.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, Bytes + line.Length));
        }

        line.CopyTo(_text.AsSpan(Bytes));
        _entries.Add(new Entry(ticks, lineNumber, Bytes, line.Length, lineBytes));
        Bytes += line.Length;
    }

    /// <summary>Orders the lines by event time, then line number (unique, so the order is total and the same every time).</summary>
    public void Sort() => _entries.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Line.CompareTo(b.Line));

    public bool MoveNext() => ++_current < _entries.Count;

    public void Dispose()
    {
    }

    private readonly record struct Entry(long Ticks, long Line, int Offset, int Length, long LineBytes);
}
