namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Whether one platform's lines, as read so far, come in exactly the order its <see cref="EventTimeOrderer"/> would release
/// them in: each line's (time, event id) strictly after the line's before it. Then the platform's events can go to the
/// engine as they come, since holding them back would change nothing.
/// </summary>
/// <remarks>
/// Ids are compared as UTF-8 bytes, which order like the orderer's ordinal comparison of UTF-16 code units for every
/// character below U+E000. A tie on an id with a character from U+E000 up, a tie on the whole key (the orderer would then
/// compare the bodies), or a line without an id leaves the order unproven. Only lines the first pass could read are seen;
/// every event the parser accepts is among them, and part of a sequence in order is in order.
/// </remarks>
internal sealed class PlatformSequence
{
    // An accepted id has at most 128 UTF-16 code units, each at most 3 UTF-8 bytes; a longer one is refused by the parser.
    private const int MaxIdBytes = 384;
    private readonly byte[] _lastId = new byte[MaxIdBytes];
    private byte[] _firstId = [];
    private long _firstTicks;
    private long _lastTicks;
    private int _lastIdLength;
    private bool _empty = true;

    public bool InOrder { get; private set; } = true;

    public void Add(long ticks, ReadOnlySpan<byte> eventId)
    {
        if (!InOrder)
        {
            return;
        }

        if (eventId.IsEmpty || eventId.Length > MaxIdBytes
            || (!_empty && !IsAfter(ticks, eventId, _lastTicks, _lastId.AsSpan(0, _lastIdLength))))
        {
            InOrder = false;
            return;
        }

        if (_empty)
        {
            (_firstTicks, _firstId, _empty) = (ticks, eventId.ToArray(), false);
        }

        _lastTicks = ticks;
        eventId.CopyTo(_lastId);
        _lastIdLength = eventId.Length;
    }

    /// <summary>Makes this the sequence of its lines followed by <paramref name="later"/>'s, which were read on their own.</summary>
    public void Append(PlatformSequence later)
    {
        if (later._empty || !InOrder)
        {
            InOrder &= later.InOrder;
            return;
        }

        if (!_empty)
        {
            InOrder = later.InOrder && IsAfter(later._firstTicks, later._firstId, _lastTicks, _lastId.AsSpan(0, _lastIdLength));
        }
        else
        {
            (_firstTicks, _firstId, _empty, InOrder) = (later._firstTicks, later._firstId, false, later.InOrder);
        }

        _lastTicks = later._lastTicks;
        later._lastId.AsSpan(0, later._lastIdLength).CopyTo(_lastId);
        _lastIdLength = later._lastIdLength;
    }

    private static bool IsAfter(long ticks, ReadOnlySpan<byte> id, long beforeTicks, ReadOnlySpan<byte> beforeId) =>
        ticks > beforeTicks
        || (ticks == beforeTicks && id.SequenceCompareTo(beforeId) > 0 && !HasCharFromE000(id) && !HasCharFromE000(beforeId));

    // U+E000 and above start with a UTF-8 byte from 0xEE up (four-byte characters with 0xF0-0xF4).
    private static bool HasCharFromE000(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyInRange((byte)0xEE, (byte)0xFF) >= 0;
}
