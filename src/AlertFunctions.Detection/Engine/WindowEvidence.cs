using System.Runtime.CompilerServices;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The few largest withdrawals of one wallet/asset within a window span, kept by identity (event id, destination, hash).
/// Why: a window rule fires on the event that tips its sum over the threshold, which is often an ordinary customer's
/// withdrawal arriving after the thief's legs (the volume tests set the largest withdrawal aside); the alert must still
/// name the legs and the addresses they went to, or the responder is pointed at a customer instead of the thief.
/// </summary>
/// <remarks>
/// Offering a withdrawal costs three comparisons unless it beats the smallest one kept or a kept one has left the span,
/// so the hot path stays O(1) without allocating: the strings are the event's own.
/// </remarks>
internal sealed class WindowEvidence
{
    public const int Capacity = 3;

    private readonly TimeSpan _span;
    private Slots _slots;
    private int _count;

    /// <summary>Smallest USD kept once all slots are used; 0 before, so every withdrawal is offered a slot.</summary>
    private decimal _floor;

    /// <summary>Oldest time kept: once it leaves the span, a slot is free again.</summary>
    private DateTimeOffset _oldest = DateTimeOffset.MaxValue;

    public WindowEvidence(TimeSpan span) => _span = span;

    public int Count => _count;

    public void Offer(in WithdrawalEvent e, decimal usd)
    {
        var from = e.Timestamp - _span;
        // A withdrawal without a USD value cannot be ranked; it is never "the largest".
        if (usd <= 0m || (usd <= _floor && _oldest >= from))
        {
            return;
        }

        var target = -1;
        for (var i = 0; i < _count; i++)
        {
            if (_slots[i].Time < from)
            {
                target = i;
                break;
            }

            if (usd > _slots[i].Usd && (target < 0 || _slots[i].Usd < _slots[target].Usd))
            {
                target = i;
            }
        }

        if (_count < Capacity && (target < 0 || _slots[target].Time >= from))
        {
            target = _count++;
        }

        if (target < 0)
        {
            return;
        }

        _slots[target] = new EvidenceWithdrawal(e.EventId, e.DestinationAddress, e.TxHashValue, usd, e.Timestamp);
        Recompute();
    }

    /// <summary>The withdrawals kept at or after <paramref name="from"/>, oldest first. Allocates: only when an alert is reported.</summary>
    public List<EvidenceWithdrawal> Since(DateTimeOffset from) => EvidenceWithdrawal.Since(((ReadOnlySpan<EvidenceWithdrawal>)_slots)[.._count], from);

    /// <summary>The withdrawals kept within the span ending at <paramref name="time"/>, oldest first. Allocates, like <see cref="Since"/>.</summary>
    public List<EvidenceWithdrawal> SpanEndingAt(DateTimeOffset time) => Since(time - _span);

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_count);
        for (var i = 0; i < _count; i++)
        {
            EvidenceCodec.Write(writer, _slots[i]);
        }
    }

    internal void Read(BinaryReader reader)
    {
        _count = EvidenceCodec.ReadAll(reader, _slots, "window evidence");
        Recompute();
    }

    private void Recompute()
    {
        _oldest = DateTimeOffset.MaxValue;
        _floor = _count < Capacity ? 0m : decimal.MaxValue;
        for (var i = 0; i < _count; i++)
        {
            if (_slots[i].Time < _oldest)
            {
                _oldest = _slots[i].Time;
            }

            if (_count == Capacity && _slots[i].Usd < _floor)
            {
                _floor = _slots[i].Usd;
            }
        }
    }

    [InlineArray(Capacity)]
    private struct Slots
    {
        private EvidenceWithdrawal _element;
    }
}
