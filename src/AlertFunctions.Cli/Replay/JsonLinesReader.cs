using System.Buffers;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding or allocating per line: each line is handed to the callback as a
/// span into a reused buffer (valid only during the call). A UTF-8 byte order mark at the start of the stream and a
/// trailing '\r' are dropped. A line longer than <see cref="MaxLineBytes"/> is handed over cut to its first bytes, with
/// its real length, once its end has been read: the caller can refuse it with a reason (and say how long it was)
/// instead of the reader failing the whole file. A
/// stream that continues a file from one of its line starts (<paramref name="startsFile"/> false) keeps a mark there, as
/// a reader of the whole file would.
/// </summary>
internal sealed class JsonLinesReader(Stream stream, int maxLineBytes = JsonLinesReader.DefaultMaxLineBytes, bool startsFile = true) : ILineSource
{
    public const int DefaultMaxLineBytes = 4 * 1024 * 1024;

    // Editors and .NET's Encoding.UTF8 writers put one at the start of a file; JSON parsers may ignore it (RFC 8259), and
    // the first event must not be refused for it.
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <param name="line">The line without its line break; valid only during the call.</param>
    /// <param name="lineBytes">The line's real length in bytes: more than <paramref name="line"/>'s when it was cut at <see cref="MaxLineBytes"/>.</param>
    public delegate void LineHandler(ReadOnlySpan<byte> line, long lineNumber, long lineBytes);

    public int MaxLineBytes { get; } = maxLineBytes;

    public long BytesRead { get; private set; }

    public void ReadAll(LineHandler onLine)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        var filled = 0;
        long lineNumber = 0;

        // An oversized line's first bytes, kept in an array of their own until its end is found and its length known.
        byte[]? oversized = null;
        var oversizedKept = 0;
        long oversizedBytes = 0;
        var oversizedEndsWithReturn = false;
        var skippingOversized = false;
        var atStreamStart = startsFile;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length < MaxLineBytes)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxLineBytes));
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    else
                    {
                        // The line does not fit: keep what we have, then count the rest of it without keeping it.
                        if (!skippingOversized)
                        {
                            oversized = ArrayPool<byte>.Shared.Rent(filled);
                            buffer.AsSpan(0, filled).CopyTo(oversized);
                            oversizedKept = filled;
                            oversizedBytes = 0;
                        }

                        oversizedBytes += filled;
                        oversizedEndsWithReturn = buffer[filled - 1] == (byte)'\r';
                        skippingOversized = true;
                        filled = 0;
                    }
                }

                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    break;
                }

                BytesRead += read;
                var start = 0;
                var end = filled + read;
                var searchFrom = filled;
                if (atStreamStart)
                {
                    // A pipe may hand over fewer bytes than the mark: wait only while they could still be its start.
                    if (end < Utf8ByteOrderMark.Length && Utf8ByteOrderMark.StartsWith(buffer.AsSpan(0, end)))
                    {
                        filled = end;
                        continue;
                    }

                    atStreamStart = false;
                    if (buffer.AsSpan(0, end).StartsWith(Utf8ByteOrderMark))
                    {
                        start = searchFrom = Utf8ByteOrderMark.Length;
                    }
                }

                while (true)
                {
                    var newline = buffer.AsSpan(searchFrom, end - searchFrom).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    var lineEnd = searchFrom + newline;
                    if (skippingOversized)
                    {
                        skippingOversized = false;
                        var endsWithReturn = lineEnd > start ? buffer[lineEnd - 1] == (byte)'\r' : oversizedEndsWithReturn;
                        HandOverOversized(oversizedBytes + (lineEnd - start) - (endsWithReturn ? 1 : 0));
                    }
                    else
                    {
                        var line = TrimCarriageReturn(buffer.AsSpan(start, lineEnd - start));
                        onLine(line, ++lineNumber, line.Length);
                    }

                    start = lineEnd + 1;
                    searchFrom = start;
                }

                filled = end - start;
                buffer.AsSpan(start, filled).CopyTo(buffer);
            }

            if (skippingOversized)
            {
                var endsWithReturn = filled > 0 ? buffer[filled - 1] == (byte)'\r' : oversizedEndsWithReturn;
                HandOverOversized(oversizedBytes + filled - (endsWithReturn ? 1 : 0));
            }
            else if (filled > 0)
            {
                var line = TrimCarriageReturn(buffer.AsSpan(0, filled));
                onLine(line, ++lineNumber, line.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (oversized is not null)
            {
                ArrayPool<byte>.Shared.Return(oversized);
            }
        }

        void HandOverOversized(long lineBytes)
        {
            onLine(oversized.AsSpan(0, oversizedKept), ++lineNumber, lineBytes);
            ArrayPool<byte>.Shared.Return(oversized!);
            oversized = null;
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
