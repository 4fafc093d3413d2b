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
    private readonly TimeSpan _lateness = lateness;
    private readonly AcceptedTimes _accepted = accepted;
    private readonly Dictionary<string, PlatformTimes> _times = new(StringComparer.Ordinal);
    private long _outOfOrder;
    private long _firstLine;
    private TimeSpan _firstBehind;

    public InputOrder Result => new(Checked: true, _outOfOrder, _firstLine, _firstBehind);

    /// <summary>How many lines each platform has with a time the parser accepts: about as many events as it will send.</summary>
    public IReadOnlyDictionary<string, long> EventsByPlatform => _times.ToDictionary(p => p.Key, p => p.Value.Events, StringComparer.Ordinal);

    /// <summary>
    /// The platforms whose lines are in exactly the order their orderers would release them in (see
    /// <see cref="PlatformSequence"/>); none in a file to be sorted, which is replayed in the sort's order, not its own.
    /// </summary>
    public IReadOnlySet<string> PlatformsInOrder => Result.NeedsSorting
        ? new HashSet<string>()
        : _times.Where(p => p.Value.Sequence.InOrder).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A check of the lines that follow those <paramref name="earlier"/> read: each platform's newest time carries over,
    /// and only what this check finds is counted.
    /// </summary>
    public static EventOrderCheck ContinuedFrom(EventOrderCheck earlier)
    {
        var check = new EventOrderCheck(earlier._lateness, earlier._accepted);
        foreach (var (platform, times) in earlier._times)
        {
            // Only what this check reads is counted, and its own lines' order: appending it counts the earlier lines once.
            check._times[platform] = times with { Events = 0, Sequence = new PlatformSequence() };
        }

        return check;
    }

    /// <summary>
    /// Makes this check the check of its lines followed by <paramref name="later"/>'s, as if it had read them on, when
    /// <paramref name="later"/> started without this check's newest times and numbered its lines from 1 (this check read
    /// <paramref name="linesBefore"/> lines). False, changing nothing, when those times would have changed what
    /// <paramref name="later"/> found (one of its events lies more than the lateness behind this check's newest of its
    /// platform): then its lines have to be checked again, <see cref="ContinuedFrom"/> this one, and appended with
    /// <see cref="Append"/>. That happens only to a file that needs sorting.
    /// </summary>
    public bool TryAppend(EventOrderCheck later, long linesBefore)
    {
        // In one pass, an event of the later part is compared with the newer of its own part's newest and this part's.
        // When none lies more than the lateness behind this part's newest, that newest changes nothing: it makes no event
        // late, and an event late by its own part's newest is late by more than the lateness, so that newest is the newer
        // one and gives the same distance.
        foreach (var (platform, times) in later._times)
        {
            if (_times.TryGetValue(platform, out var before) && before.Newest - times.Oldest > _lateness.Ticks)
            {
                return false;
            }
        }

        Append(later, linesBefore);
        return true;
    }

    /// <summary>
    /// Makes this check the check of its lines followed by <paramref name="later"/>'s, which were checked
    /// <see cref="ContinuedFrom"/> this one (or need not have been; see <see cref="TryAppend"/>) and numbered from 1.
    /// </summary>
    public void Append(EventOrderCheck later, long linesBefore)
    {
        foreach (var (platform, times) in later._times)
        {
            ref var merged = ref CollectionsMarshal.GetValueRefOrAddDefault(_times, platform, out var seen);
            if (seen)
            {
                merged.Sequence.Append(times.Sequence);
                merged = merged with { Newest = Math.Max(merged.Newest, times.Newest), Oldest = Math.Min(merged.Oldest, times.Oldest), Events = merged.Events + times.Events };
            }
            else
            {
                merged = times;
            }
        }

        if (_outOfOrder == 0 && later._outOfOrder > 0)
        {
            (_firstLine, _firstBehind) = (linesBefore + later._firstLine, later._firstBehind);
        }

        _outOfOrder += later._outOfOrder;
    }

    public void Add(long lineNumber, ReadOnlySpan<byte> platform, ReadOnlySpan<byte> timestamp, ReadOnlySpan<byte> eventId)
    {
        if (platform.IsEmpty || !EventTimestamp.TryParse(timestamp, out var at) || !_accepted.Contains(at))
        {
            return;
        }

        // The platform's times so far, looked up by the id's characters: no string per line.
        Span<char> buffer = platform.Length <= MaxPlatformCharsOnStack ? stackalloc char[MaxPlatformCharsOnStack] : new char[platform.Length];
        var id = buffer[..Encoding.UTF8.GetChars(platform, buffer)];
        ref var times = ref CollectionsMarshal.GetValueRefOrAddDefault(_times.GetAlternateLookup<ReadOnlySpan<char>>(), id, out var seen);
        var ticks = at.UtcTicks;
        times.Events++;
        // A platform's first line makes its entry, whose sequence is then still to be made.
        (times.Sequence ??= new PlatformSequence()).Add(ticks, eventId);
        if (!seen)
        {
            (times.Newest, times.Oldest) = (ticks, ticks);
            return;
        }

        times.Oldest = Math.Min(times.Oldest, ticks);
        if (ticks > times.Newest)
        {
            times.Newest = ticks;
        }
        else if (times.Newest - ticks > _lateness.Ticks)
        {
            if (_outOfOrder == 0)
            {
                (_firstLine, _firstBehind) = (lineNumber, TimeSpan.FromTicks(times.Newest - ticks));
            }

            _outOfOrder++;
        }
    }

    /// <summary>
    /// A platform's newest event time so far, which later events are compared with, its oldest, how many it had, and
    /// whether its lines are in its orderer's order.
    /// </summary>
    private record struct PlatformTimes(long Newest, long Oldest, long Events, PlatformSequence Sequence);
}
