namespace AlertFunctions.Detection.Engine;

/// <summary>One withdrawal named as evidence of a window finding: what a responder needs to find it and follow the funds.</summary>
internal readonly record struct EvidenceWithdrawal(string EventId, string Destination, string? TxHash, decimal Usd, DateTimeOffset Time)
{
    /// <summary>Oldest first, ties by event id: the order alerts name evidence in, the same on every replay.</summary>
    public static int Chronologically(EvidenceWithdrawal a, EvidenceWithdrawal b) =>
        a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.EventId, b.EventId);
}
