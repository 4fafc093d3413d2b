using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Storage.Summaries;
using AlertFunctions.Storage.Volume;

namespace AlertFunctions.App.Summaries;

/// <summary>
/// Turns one UTC day's stored facts into one summary per platform: every platform with volume, alerts or dead letters that
/// day gets one (a producer whose every event is refused has no volume, and is exactly what its summary must show). Each
/// counts the dead letters that named it; those naming no platform at all are shown on every platform's summary.
/// </summary>
internal static class DailySummaryCalculator
{
    public const int TopSubjectCount = 5;

    public static IReadOnlyList<DailySummaryRecord> Calculate(
        DateOnly day,
        IReadOnlyList<DailyVolumeTotal> volume,
        IReadOnlyList<StoredAlert> alerts,
        DeadLetterCounts deadLettered,
        DateTimeOffset generatedAt)
    {
        var volumeByPlatform = volume.ToDictionary(v => v.Platform, StringComparer.Ordinal);
        var alertsByPlatform = alerts.ToLookup(a => a.Alert.Platform, StringComparer.Ordinal);
        var platforms = volumeByPlatform.Keys
            .Union(alertsByPlatform.Select(g => g.Key), StringComparer.Ordinal)
            .Union(deadLettered.ByPlatform.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        return platforms.Select(platform =>
        {
            var platformAlerts = alertsByPlatform[platform].ToList();
            var totals = volumeByPlatform.GetValueOrDefault(platform);
            return new DailySummaryRecord
            {
                Day = day,
                Platform = platform,
                Withdrawals = totals?.Withdrawals ?? 0,
                UnvaluedWithdrawals = totals?.Unvalued ?? 0,
                VolumeUsd = totals?.VolumeUsd ?? 0m,
                AlertsByRule = Count(platformAlerts, a => a.Alert.Rule),
                AlertsBySeverity = Count(platformAlerts, a => a.Alert.Severity.ToName()),
                TopSubjects = TopSubjects(platformAlerts),
                DeadLettered = deadLettered.Of(platform),
                DeadLetteredWithoutPlatform = deadLettered.WithoutPlatform,
                UndeliveredNotifications = platformAlerts.Count(a => a.NotificationState != NotificationState.Delivered),
                GeneratedAt = generatedAt,
            };
        }).ToList();
    }

    private static Dictionary<string, int> Count(IEnumerable<StoredAlert> alerts, Func<StoredAlert, string> key) =>
        alerts.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    // A wallet often draws several alerts over the same withdrawals (large withdrawal and rapid drain): adding them would
    // count its money twice, so each subject is ranked by its largest alert. A subject whose largest alert nothing valued
    // in USD (a drain of tokens without a price) cannot be ranked by USD; listed after the top five instead of falling out.
    private static List<SummarySubject> TopSubjects(IEnumerable<StoredAlert> alerts)
    {
        var largestPerSubject = alerts
            .GroupBy(a => (a.Alert.SubjectType, a.Alert.Subject))
            .Select(g => g.OrderByDescending(a => a.Alert.AmountUsd).ThenBy(a => a.Alert.AlertId, StringComparer.Ordinal).First().Alert)
            .ToList();
        var valued = largestPerSubject.Where(a => a.AmountUsd > 0).OrderByDescending(a => a.AmountUsd).ThenBy(a => a.AlertId, StringComparer.Ordinal);
        var unvalued = largestPerSubject.Where(a => a.AmountUsd <= 0).OrderBy(a => a.AlertId, StringComparer.Ordinal);
        return valued.Take(TopSubjectCount)
            .Concat(unvalued.Take(TopSubjectCount))
            .Select(a => new SummarySubject(a.Subject, a.SubjectType.ToName(), a.Rule, a.AmountUsd, a.AlertId))
            .ToList();
    }
}
