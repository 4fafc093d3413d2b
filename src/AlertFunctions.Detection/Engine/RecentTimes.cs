namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The event times of the last <see cref="Capacity"/> withdrawals, without amounts: kept for every account, so it holds only
/// what counting needs (a <see cref="TimeRing"/> with its amounts cost three times as much per account).
/// </summary>
internal sealed class RecentTimes
{
    private readonly long[] _ticks;
    private int _next;

    public RecentTimes(int capacity)
    {
        _ticks = new long[capacity];
        Array.Fill(_ticks, long.MinValue);
    }

    public int Capacity => _ticks.Length;

    public void Add(DateTimeOffset time)
    {
        _ticks[_next] = time.UtcTicks;
        _next = (_next + 1) % _ticks.Length;
    }

    /// <summary>How many of the kept times lie in [<paramref name="from"/>, <paramref name="to"/>], and the earliest of them.</summary>
    public (int Count, DateTimeOffset Earliest) Within(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        var earliest = long.MaxValue;
        foreach (var t in _ticks)
        {
            if (t >= from.UtcTicks && t <= to.UtcTicks)
            {
                count++;
                earliest = Math.Min(earliest, t);
            }
        }

        return (count, count == 0 ? to : new DateTimeOffset(earliest, TimeSpan.Zero));
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_ticks.Length);
        writer.Write(_next);
        foreach (var t in _ticks)
        {
            writer.Write(t);
        }
    }

    internal static RecentTimes Read(BinaryReader reader)
    {
        var capacity = reader.ReadInt32();
        if (capacity is < 1 or > 1_024)
        {
            throw new InvalidDataException($"a ring of recent times holds {capacity} entries; expected 1 to 1024");
        }

        var times = new RecentTimes(capacity) { _next = reader.ReadInt32() };
        if (times._next < 0 || times._next >= capacity)
        {
            throw new InvalidDataException($"a ring of recent times has its next slot at {times._next} of {capacity}");
        }

        for (var i = 0; i < capacity; i++)
        {
            times._ticks[i] = reader.ReadInt64();
        }

        return times;
    }
}
