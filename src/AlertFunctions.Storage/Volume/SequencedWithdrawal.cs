namespace AlertFunctions.Storage.Volume;

/// <summary>
/// One withdrawal for the daily volume: its Event Hubs sequence number (what makes counting it idempotent) and USD value;
/// <paramref name="Valued"/> is false when it had none (then <paramref name="Usd"/> is 0), so the summary can say so.
/// </summary>
public readonly record struct SequencedWithdrawal(long SequenceNumber, decimal Usd, bool Valued = true);
