using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>A withdrawal kept as possible evidence, with what ranks and orders it (its USD value and time).</summary>
internal readonly record struct EvidenceWithdrawal(string EventId, string Destination, TransactionHash TxHash, decimal Usd, DateTimeOffset Time)
{
    public AlertEvidence Identity => new(EventId, Destination, TxHash);

    /// <summary>The withdrawals of <paramref name="kept"/> at or after <paramref name="from"/>, oldest first. Allocates: only when an alert is reported.</summary>
    public static List<EvidenceWithdrawal> Since(ReadOnlySpan<EvidenceWithdrawal> kept, DateTimeOffset from)
    {
        var since = new List<EvidenceWithdrawal>(kept.Length);
        foreach (var withdrawal in kept)
        {
            if (withdrawal.Time >= from)
            {
                since.Add(withdrawal);
            }
        }

        since.Sort(Chronologically);
        return since;
    }

    /// <summary>Oldest first, ties by event id: the order alerts name evidence in, the same on every replay.</summary>
    public static int Chronologically(EvidenceWithdrawal a, EvidenceWithdrawal b) =>
        a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.EventId, b.EventId);
}
