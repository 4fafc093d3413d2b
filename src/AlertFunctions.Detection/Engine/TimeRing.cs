using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The event times and USD values of the last <see cref="Capacity"/> qualifying withdrawals, and which withdrawals they
/// were (an alert on the pattern names all of them, not only the one that completed it). Counting those inside a window is
/// O(capacity), a small constant; a rule's minimum count is capped at the capacity so no qualifying event is ever forgotten
/// before it could count.
/// </summary>
internal sealed class TimeRing
{
    private readonly long[] _ticks;
    private readonly decimal[] _usd;
    private readonly AlertEvidence?[] _identities;
    private int _next;

    public TimeRing(int capacity)
    {
        _ticks = new long[capacity];
        Array.Fill(_ticks, long.MinValue);
        _usd = new decimal[capacity];
        _identities = new AlertEvidence?[capacity];
    }

    public int Capacity => _ticks.Length;

    /// <summary>A withdrawal known only by time and value (restored from a snapshot older than the identities).</summary>
    public void Add(DateTimeOffset time, decimal usd) => Add(time, usd, null);

    public void Add(in WithdrawalEvent e, decimal usd) => Add(e.Timestamp, usd, new AlertEvidence(e.EventId, e.DestinationAddress, e.TxHashValue));

    /// <summary>The identified withdrawals in [<paramref name="from"/>, <paramref name="to"/>], oldest first. Allocates: only when an alert is reported.</summary>
    public List<EvidenceWithdrawal> EvidenceWithin(DateTimeOffset from, DateTimeOffset to)
    {
        var evidence = new List<EvidenceWithdrawal>();
        for (var i = 0; i < _ticks.Length; i++)
        {
            if (_ticks[i] >= from.UtcTicks && _ticks[i] <= to.UtcTicks && _identities[i] is { } named)
            {
                evidence.Add(new EvidenceWithdrawal(named.EventId, named.Destination, named.TxHash, _usd[i], new DateTimeOffset(_ticks[i], TimeSpan.Zero)));
            }
        }

        evidence.Sort(EvidenceWithdrawal.Chronologically);
        return evidence;
    }

    private void Add(DateTimeOffset time, decimal usd, AlertEvidence? identity)
    {
        _ticks[_next] = time.UtcTicks;
        _usd[_next] = usd;
        _identities[_next] = identity;
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
            writer.Write(_identities[i]?.EventId ?? string.Empty);
            writer.Write(_identities[i]?.Destination ?? string.Empty);
            EvidenceCodec.WriteTxHash(writer, _identities[i]?.TxHash ?? default);
        }
    }

    /// <param name="withIdentities">False for snapshots older than the identities: those withdrawals still count, unnamed.</param>
    internal static TimeRing Read(BinaryReader reader, bool withIdentities = true)
    {
        var ring = new TimeRing(reader.ReadInt32());
        ring._next = reader.ReadInt32();
        for (var i = 0; i < ring._ticks.Length; i++)
        {
            ring._ticks[i] = reader.ReadInt64();
            ring._usd[i] = reader.ReadDecimal();
            if (withIdentities)
            {
                var eventId = reader.ReadString();
                var destination = reader.ReadString();
                var txHash = EvidenceCodec.ReadTxHash(reader);
                ring._identities[i] = eventId.Length == 0 ? null : new AlertEvidence(eventId, destination, txHash);
            }
        }

        return ring;
    }
}
