namespace AlertFunctions.Cli.Replay;

/// <summary>One sorted run of lines in <see cref="TimeSortedLines"/>, read forward once.</summary>
internal interface ISortedRun : IDisposable
{
    /// <summary>The current line's sort key: its event time in ticks (<see cref="long.MinValue"/> when unreadable), then its line number.</summary>
    (long Ticks, long Line) Key { get; }

    /// <summary>The current line's real length in bytes: more than <see cref="Text"/>'s when the reader cut it.</summary>
    long LineBytes { get; }

    /// <summary>The current line; valid until the next <see cref="MoveNext"/>.</summary>
    ReadOnlySpan<byte> Text { get; }

    bool MoveNext();
}
