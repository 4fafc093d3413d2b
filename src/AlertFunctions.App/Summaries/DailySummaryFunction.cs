using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Summaries;

/// <summary>Summarizes the previous UTC day, on the schedule in the app setting <c>DailySummarySchedule</c>.</summary>
public sealed class DailySummaryFunction(IDailySummaryJob job, TimeProvider timeProvider, ILogger<DailySummaryFunction> logger)
{
    public const string Name = "DailySummary";

    // Timer triggers support function-level retry; a transient storage or Teams failure should not cost a day's summary.
    [Function(Name)]
    [ExponentialBackoffRetry(3, "00:01:00", "00:10:00")]
    public async Task RunAsync([TimerTrigger("%DailySummarySchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var day = PreviousUtcDay(timeProvider.GetUtcNow());
        logger.LogInformation("Running the daily summary for {SummaryDay} (past due: {IsPastDue})", day, timer.IsPastDue);
        await job.RunAsync(day, cancellationToken);
    }

    internal static DateOnly PreviousUtcDay(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
}
