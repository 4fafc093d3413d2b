namespace AlertFunctions.App.Summaries;

/// <summary>Builds and publishes the summary of one UTC day. Must be safe to run twice for the same day.</summary>
public interface IDailySummaryJob
{
    Task RunAsync(DateOnly day, CancellationToken cancellationToken);
}
