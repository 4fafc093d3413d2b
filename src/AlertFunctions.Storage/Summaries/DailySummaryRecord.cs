namespace AlertFunctions.Storage.Summaries;

/// <summary>One platform's activity and alerts for one UTC day, as produced by the daily summary timer.</summary>
public sealed record DailySummaryRecord
{
    public required DateOnly Day { get; init; }
    public required string Platform { get; init; }
    public required long Withdrawals { get; init; }

    /// <summary>Of <see cref="Withdrawals"/>, those without a USD value: <see cref="VolumeUsd"/> leaves them out.</summary>
    public long UnvaluedWithdrawals { get; init; }
    public required decimal VolumeUsd { get; init; }
    public required IReadOnlyDictionary<string, int> AlertsByRule { get; init; }
    public required IReadOnlyDictionary<string, int> AlertsBySeverity { get; init; }
    public required IReadOnlyList<SummarySubject> TopSubjects { get; init; }
    /// <summary>The day's dead letters whose body named this platform.</summary>
    public required long DeadLettered { get; init; }

    /// <summary>The day's dead letters that named no platform at all (no JSON, no platform field): every platform's summary shows them.</summary>
    public long DeadLetteredWithoutPlatform { get; init; }
    public required long UndeliveredNotifications { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>When this day's summary was posted to Teams; null until then. Kept so a re-run overwrites the numbers but never posts twice.</summary>
    public DateTimeOffset? PostedAt { get; init; }
}
