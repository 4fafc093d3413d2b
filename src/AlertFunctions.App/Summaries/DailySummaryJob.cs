using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Storage.Summaries;
using AlertFunctions.Storage.Volume;
using AlertFunctions.Teams.Cards;
using AlertFunctions.Teams.Delivery;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Summaries;

/// <summary>
/// Summarizes one UTC day per platform, stores each summary (a re-run overwrites the numbers) and posts each platform's card
/// once: the row remembers when it was posted, so a re-run, a retry or a second timer firing never posts the day again.
/// </summary>
internal sealed partial class DailySummaryJob(
    DailyVolumeTableStore volume,
    AlertTableStore alerts,
    DeadLetterTableStore deadLetters,
    SummaryTableStore summaries,
    DailySummaryCard card,
    TeamsWebhookClient teams,
    TimeProvider timeProvider,
    ILogger<DailySummaryJob> logger) : IDailySummaryJob
{
    /// <summary>How many days back a run still posts a summary that Teams refused through every retry of its own day.</summary>
    public const int CatchUpDays = 7;

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        for (var earlier = day.AddDays(-CatchUpDays); earlier < day; earlier = earlier.AddDays(1))
        {
            var stored = await summaries.ListByDayAsync(earlier, cancellationToken).ConfigureAwait(false);
            if (stored.Any(s => s.PostedAt is null))
            {
                failures.AddRange(await SummarizeAsync(earlier, cancellationToken).ConfigureAwait(false));
            }
        }

        failures.AddRange(await SummarizeAsync(day, cancellationToken).ConfigureAwait(false));
        if (failures.Count > 0)
        {
            throw new DailySummaryDeliveryException(day, failures);
        }
    }

    private async Task<IReadOnlyList<string>> SummarizeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var totals = await volume.GetTotalsAsync(day, cancellationToken).ConfigureAwait(false);
        var dayAlerts = await alerts.ListRaisedOnAsync(day, cancellationToken).ConfigureAwait(false);
        var deadLettered = await deadLetters.CountByDayAndPlatformAsync(day, cancellationToken).ConfigureAwait(false);
        var posted = (await summaries.ListByDayAsync(day, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Platform, s => s.PostedAt, StringComparer.Ordinal);

        var records = DailySummaryCalculator.Calculate(day, totals, dayAlerts, deadLettered, timeProvider.GetUtcNow());
        var failures = new List<string>();
        var postedNow = 0;
        foreach (var record in records)
        {
            var postedAt = posted.GetValueOrDefault(record.Platform);
            if (postedAt is null)
            {
                var result = await teams.PostAsync(card.Build(ToView(record)), cancellationToken).ConfigureAwait(false);
                if (result.Delivered)
                {
                    postedAt = timeProvider.GetUtcNow();
                    postedNow++;
                }
                else
                {
                    failures.Add($"{day:yyyy-MM-dd} {record.Platform}: {result.Error}");
                    LogNotPosted(day, record.Platform, result.Error);
                }
            }

            await summaries.UpsertAsync(record with { PostedAt = postedAt }, cancellationToken).ConfigureAwait(false);
        }

        LogSummarized(day, records.Count, postedNow, records.Count - postedNow - failures.Count, failures.Count, deadLettered.Total, deadLettered.WithoutPlatform);
        return failures;
    }

    private static DailySummaryView ToView(DailySummaryRecord record) => new(
        record.Day,
        record.Platform,
        record.Withdrawals,
        record.VolumeUsd,
        record.AlertsByRule,
        record.AlertsBySeverity,
        [.. record.TopSubjects.Select(s => new DailySummarySubject(s.Subject, s.Rule, s.AmountUsd))],
        record.DeadLettered,
        record.UndeliveredNotifications,
        record.DeadLetteredWithoutPlatform,
        record.UnvaluedWithdrawals);

    [LoggerMessage(EventId = 4230, Level = LogLevel.Information,
        Message = "Daily summary of {SummaryDay}: {PlatformCount} platforms, {PostedCount} posted now, {AlreadyPostedCount} posted before, {FailedCount} not posted; {DeadLetteredCount} dead letters that day (all platforms; {WithoutPlatformCount} naming none)")]
    private partial void LogSummarized(DateOnly summaryDay, int platformCount, int postedCount, int alreadyPostedCount, int failedCount, long deadLetteredCount, long withoutPlatformCount);

    [LoggerMessage(EventId = 4231, Level = LogLevel.Error,
        Message = "Daily summary of {SummaryDay} for {Platform} was not posted to Teams: {Error}")]
    private partial void LogNotPosted(DateOnly summaryDay, string platform, string? error);
}
