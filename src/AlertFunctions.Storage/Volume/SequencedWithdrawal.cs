namespace AlertFunctions.Storage.Volume;

/// <summary>One withdrawal for the daily volume: its Event Hubs sequence number (what makes counting it idempotent) and USD value.</summary>
public readonly record struct SequencedWithdrawal(long SequenceNumber, decimal Usd);
