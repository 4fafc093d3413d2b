namespace AlertFunctions.App.Summaries;

/// <summary>
/// Some platforms' summary cards were not accepted by Teams. Thrown after every platform was tried and every summary row stored,
/// so the timer's retry posts only what is still missing.
/// </summary>
public sealed class DailySummaryDeliveryException(DateOnly day, IReadOnlyList<string> failures)
    : Exception($"The daily summary of {day:yyyy-MM-dd} was not posted for {failures.Count} platform(s): {string.Join("; ", failures)}")
{
    public DateOnly Day { get; } = day;

    public IReadOnlyList<string> Failures { get; } = failures;
}
