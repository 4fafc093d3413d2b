namespace AlertFunctions.Detection.Engine;

/// <summary>One withdrawal named as evidence of a window finding: what a responder needs to find it and follow the funds.</summary>
internal readonly record struct EvidenceWithdrawal(string EventId, string Destination, string? TxHash, decimal Usd, DateTimeOffset Time);
