using AlertFunctions.App.Summaries;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlertFunctions.App.Tests.Summaries;

public sealed class DailySummaryFunctionTests
{
    [Theory]
    [InlineData("2025-03-02T00:05:00+00:00", "2025-03-01")]
    [InlineData("2025-03-01T00:00:00+00:00", "2025-02-28")]
    [InlineData("2025-03-02T01:30:00+02:00", "2025-02-28")]
    [InlineData("2024-03-01T23:59:59+00:00", "2024-02-29")]
    public async Task RunAsync_AnyTimeOfDay_SummarizesThePreviousUtcDay(string now, string expectedDay)
    {
        var job = new RecordingSummaryJob();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var function = new DailySummaryFunction(job, clock, NullLogger<DailySummaryFunction>.Instance);

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal([DateOnly.Parse(expectedDay, System.Globalization.CultureInfo.InvariantCulture)], job.Days);
    }

    [Fact]
    public async Task RunAsync_JobFails_PropagatesSoTheRetryPolicyRuns()
    {
        var function = new DailySummaryFunction(new FailingSummaryJob(), new FakeTimeProvider(), NullLogger<DailySummaryFunction>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => function.RunAsync(new TimerInfo(), CancellationToken.None));

        Assert.Equal("storage unavailable", error.Message);
    }

    private sealed class RecordingSummaryJob : IDailySummaryJob
    {
        public List<DateOnly> Days { get; } = [];

        public Task RunAsync(DateOnly day, CancellationToken cancellationToken)
        {
            Days.Add(day);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSummaryJob : IDailySummaryJob
    {
        public Task RunAsync(DateOnly day, CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("storage unavailable"));
    }
}
