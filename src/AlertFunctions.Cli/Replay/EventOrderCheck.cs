using System.Runtime.InteropServices;
using System.Text;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Decides, before a file is replayed, whether its per-platform orderers (<see cref="PlatformOrderers"/>) can put it in
/// event-time order: they can unless an event lies more than the allowed lateness behind the newest earlier event of its
/// platform (then it could reach the engine after later events, and its wallet's windows would have moved on). Such a file
/// is sorted first (<see cref="TimeSortedLines"/>), which an export ordered by wallet, asset or chain, or two files
/// concatenated, needs. Lines without a readable platform or timestamp, or with a time the parser refuses (see
/// <see cref="AcceptedTimes"/>), are left to the main pass, which refuses them.
/// </summary>
internal sealed class EventOrderCheck(TimeSpan lateness, AcceptedTimes accepted)
{
    private const int MaxPlatformCharsOnStack = 256;
    private readonly Dictionary<string, long> _newestTicks = new(StringComparer.Ordinal);
    private long _outOfOrder;
    private long _firstLine;
    private TimeSpan _firstBehind;

    public InputOrder Result => new(Checked: true, _outOfOrder, _firstLine, _firstBehind);

    public void Add(long lineNumber, ReadOnlySpan<byte> platform, ReadOnlySpan<byte> timestamp)
    {
        if (platform.IsEmpty || !EventTimestamp.TryParse(timestamp, out var at) || !accepted.Contains(at))
        {
            return;
        }

        // The platform's newest timestamp so far, looked up by the id's characters: no string per line.
        Span<char> buffer = platform.Length <= MaxPlatformCharsOnStack ? stackalloc char[MaxPlatformCharsOnStack] : new char[platform.Length];
        var id = buffer[..Encoding.UTF8.GetChars(platform, buffer)];
        ref var newest = ref CollectionsMarshal.GetValueRefOrAddDefault(_newestTicks.GetAlternateLookup<ReadOnlySpan<char>>(), id, out var seen);
        var ticks = at.UtcTicks;
        if (!seen || ticks > newest)
        {
            newest = ticks;
        }
        else if (newest - ticks > lateness.Ticks)
        {
            if (_outOfOrder == 0)
            {
                (_firstLine, _firstBehind) = (lineNumber, TimeSpan.FromTicks(newest - ticks));
            }

            _outOfOrder++;
        }
    }
}
