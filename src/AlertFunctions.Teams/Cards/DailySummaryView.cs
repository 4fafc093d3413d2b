namespace AlertFunctions.Teams.Cards;

/// <summary>
/// One platform's day, as the daily summary card shows it. Counts keyed by rule id and by severity name
/// (<c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>); <see cref="TopSubjects"/> is expected largest first.
/// <see cref="DeadLettered"/> is the day's total over all platforms (dead letters carry no platform).
/// </summary>
public sealed record DailySummaryView(
    DateOnly Date,
    string Platform,
    long Withdrawals,
    decimal VolumeUsd,
    IReadOnlyDictionary<string, int> AlertsByRule,
    IReadOnlyDictionary<string, int> AlertsBySeverity,
    IReadOnlyList<DailySummarySubject> TopSubjects,
    long DeadLettered,
    long UndeliveredNotifications);
