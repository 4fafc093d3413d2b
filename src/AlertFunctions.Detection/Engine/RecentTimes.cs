using System.Runtime.CompilerServices;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The event times of the last <see cref="Capacity"/> withdrawals, without amounts. Kept for every account and touched by
/// every withdrawal with an account, so it is a value held inline in the account's state: no object of its own to allocate
/// or to miss in the cache, where a <see cref="TimeRing"/> with its amounts cost two arrays per account.
/// </summary>
internal struct RecentTimes
{
    public const int Capacity = 16;

    private Ticks _ticks;
    private int _next;
    private int _count;

    public void Add(DateTimeOffset time)
    {
        _ticks[_next] = time.UtcTicks;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }

    /// <summary>
    /// Reads the slot the next <see cref="Add"/> writes, so its cache line is on its way before then (volatile: a read whose
    /// value nobody uses would otherwise be dropped by the compiler).
    /// </summary>
    public void Prefetch() => Volatile.Read(ref _ticks[_next]);

    /// <summary>How many of the kept times lie in [<paramref name="from"/>, <paramref name="to"/>], and the earliest of them.</summary>
    public readonly (int Count, DateTimeOffset Earliest) Within(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        var earliest = long.MaxValue;
        for (var i = 0; i < _count; i++)
        {
            var t = _ticks[i];
            if (t >= from.UtcTicks && t <= to.UtcTicks)
            {
                count++;
                earliest = Math.Min(earliest, t);
            }
        }

        return (count, count == 0 ? to : new DateTimeOffset(earliest, TimeSpan.Zero));
    }

    internal readonly void Write(BinaryWriter writer)
    {
        writer.Write(_count);
        writer.Write(_next);
        for (var i = 0; i < _count; i++)
        {
            writer.Write(_ticks[i]);
        }
    }

    internal static RecentTimes Read(BinaryReader reader)
    {
        var times = new RecentTimes { _count = reader.ReadInt32(), _next = reader.ReadInt32() };
        if (times._count is < 0 or > Capacity || times._next < 0 || times._next >= Capacity || (times._count < Capacity && times._next != times._count))
        {
            throw new InvalidDataException($"a ring of recent times holds {times._count} of {Capacity} entries with its next slot at {times._next}");
        }

        for (var i = 0; i < times._count; i++)
        {
            times._ticks[i] = reader.ReadInt64();
        }

        return times;
    }

    [InlineArray(Capacity)]
    private struct Ticks
    {
        private long _element;
    }
}
