namespace AlertFunctions.Storage.Volume;

/// <summary>
/// One withdrawal for the daily volume: its Event Hubs sequence number and enqueued time (what make counting it idempotent,
/// also after the partition's numbering started again) and USD value; <paramref name="Valued"/> is false when it had none
/// (then <paramref name="Usd"/> is 0), so the summary can say so.
/// </summary>
public readonly record struct SequencedWithdrawal(long SequenceNumber, decimal Usd, bool Valued = true, DateTimeOffset? EnqueuedTime = null);
