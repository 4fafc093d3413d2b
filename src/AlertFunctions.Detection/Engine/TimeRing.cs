namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The event times and USD values of the last <see cref="Capacity"/> qualifying withdrawals. Counting those inside a window is
/// O(capacity), a small constant; a rule's minimum count is capped at the capacity so no qualifying event is ever forgotten
/// before it could count.
/// </summary>
internal sealed class TimeRing
{
    private readonly long[] _ticks;
    private readonly decimal[] _usd;
    private int _next;

    public TimeRing(int capacity)
    {
        _ticks = new long[capacity];
        Array.Fill(_ticks, long.MinValue);
        _usd = new decimal[capacity];
    }

    public int Capacity => _ticks.Length;

    public void Add(DateTimeOffset time, decimal usd)
    {
        _ticks[_next] = time.UtcTicks;
        _usd[_next] = usd;
        _next = (_next + 1) % _ticks.Length;
    }

    /// <summary>Count and USD sum of entries in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public (int Count, decimal Usd, DateTimeOffset Earliest) Within(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        var usd = 0m;
        var earliest = long.MaxValue;
        for (var i = 0; i < _ticks.Length; i++)
        {
            var t = _ticks[i];
            if (t >= from.UtcTicks && t <= to.UtcTicks)
            {
                count++;
                usd += _usd[i];
                earliest = Math.Min(earliest, t);
            }
        }

        return (count, usd, count == 0 ? to : new DateTimeOffset(earliest, TimeSpan.Zero));
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_ticks.Length);
        writer.Write(_next);
        for (var i = 0; i < _ticks.Length; i++)
        {
            writer.Write(_ticks[i]);
            writer.Write(_usd[i]);
        }
    }

    internal static TimeRing Read(BinaryReader reader)
    {
        var ring = new TimeRing(reader.ReadInt32());
        ring._next = reader.ReadInt32();
        for (var i = 0; i < ring._ticks.Length; i++)
        {
            ring._ticks[i] = reader.ReadInt64();
            ring._usd[i] = reader.ReadDecimal();
        }

        return ring;
    }
}
