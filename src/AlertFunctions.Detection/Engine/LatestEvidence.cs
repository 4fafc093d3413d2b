using System.Runtime.CompilerServices;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The last few withdrawals of one kind (a wallet's rare legs), kept by identity. Why the latest and not the largest: a
/// trickle's chunks are many and alike, where the largest rare withdrawals of a heavy-tailed wallet are customers' one-offs;
/// the alert must point the responder at the chunks and where they went.
/// </summary>
internal sealed class LatestEvidence
{
    public const int Capacity = WindowEvidence.Capacity;

    private Slots _slots;
    private int _count;
    private int _next;

    public int Count => _count;

    /// <summary>Keeps the withdrawal in place of the oldest one kept. O(1), no allocation: the strings are the event's own.</summary>
    public void Offer(in WithdrawalEvent e, decimal usd)
    {
        _slots[_next] = new EvidenceWithdrawal(e.EventId, e.DestinationAddress, e.TxHashValue, usd, e.Timestamp);
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }

    /// <summary>The withdrawals kept at or after <paramref name="from"/>, oldest first. Allocates: only when an alert is reported.</summary>
    public List<EvidenceWithdrawal> Since(DateTimeOffset from) => EvidenceWithdrawal.Since(((ReadOnlySpan<EvidenceWithdrawal>)_slots)[.._count], from);

    /// <summary>Written oldest first, so reading them back in order restores the ring as it was.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_count);
        var oldest = _count < Capacity ? 0 : _next;
        for (var n = 0; n < _count; n++)
        {
            EvidenceCodec.Write(writer, _slots[(oldest + n) % Capacity]);
        }
    }

    internal void Read(BinaryReader reader)
    {
        _count = EvidenceCodec.ReadAll(reader, _slots, "latest evidence");
        _next = _count % Capacity;
    }

    [InlineArray(Capacity)]
    private struct Slots
    {
        private EvidenceWithdrawal _element;
    }
}
