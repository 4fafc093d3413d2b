namespace AlertFunctions.Teams.Cards;

/// <summary>
/// One platform's day, as the daily summary card shows it. Counts keyed by rule id and by severity name
/// (<c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>); <see cref="TopSubjects"/> is expected largest first.
/// <see cref="DeadLettered"/> counts the dead letters whose body named this platform; <see cref="DeadLetteredWithoutPlatform"/>
/// those that named none (shown on every platform's card). <see cref="UnvaluedWithdrawals"/> of the withdrawals had no USD
/// value, so <see cref="VolumeUsd"/> understates the day by them.
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
    long UndeliveredNotifications,
    long DeadLetteredWithoutPlatform = 0,
    long UnvaluedWithdrawals = 0);
