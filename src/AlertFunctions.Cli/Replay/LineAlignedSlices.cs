using Microsoft.Win32.SafeHandles;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Cuts a byte range of a file into consecutive slices that each start at a line start, so each can be read as lines on
/// its own (see <see cref="InputSurvey"/>).
/// </summary>
internal static class LineAlignedSlices
{
    // Where a slice's line end is looked for, a piece at a time: events are well under a kilobyte.
    private const int SearchBytes = 4 * 1024;

    /// <summary>
    /// The slices' bounds, first <paramref name="start"/> and last <paramref name="end"/>: each slice after the first
    /// starts after the first line end at least <paramref name="sliceBytes"/> after the previous slice's start, so a line
    /// longer than that makes its slice longer, and a range with no such line end is one slice.
    /// </summary>
    public static IReadOnlyList<long> Bounds(SafeFileHandle file, long start, long end, long sliceBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceBytes, 1);
        var bounds = new List<long> { start };
        var buffer = new byte[SearchBytes];
        while (end - bounds[^1] > sliceBytes && LineStartAtOrAfter(file, bounds[^1] + sliceBytes, end, buffer) is { } next)
        {
            bounds.Add(next);
        }

        bounds.Add(end);
        return bounds;
    }

    /// <summary>The position after the first line end at or after <paramref name="at"/>, if one is before <paramref name="end"/>.</summary>
    private static long? LineStartAtOrAfter(SafeFileHandle file, long at, long end, byte[] buffer)
    {
        while (at < end)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - at)), at);
            if (read == 0)
            {
                return null;
            }

            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return at + newline + 1 < end ? at + newline + 1 : null;
            }

            at += read;
        }

        return null;
    }
}
