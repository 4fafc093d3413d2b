using System.Globalization;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Testing;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AlertFunctions.Integration.Tests.Measurements;

/// <summary>
/// Numbers for the README, printed rather than asserted: ingest throughput against Azurite with every write included, and the
/// time from a batch's start to the Teams post of the alert it raised (processor, queue round trip, dispatcher, HTTP post).
/// The Functions host's own queue polling (up to 5 s) is not part of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Measurement")]
public sealed class PipelineMeasurements(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset TrafficStart = PipelineEnvironment.DefaultStart.AddHours(-3);

    [MeasurementFact]
    public async Task Ingest_BatchesOf100And1000_ThroughputEndToEnd()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync(minimumLogLevel: LogLevel.Information);

        foreach (var (size, batchCount) in new[] { (100, 30), (1000, 8) })
        {
            var traffic = new BenignTraffic($"throughput-{size}", seed: size, TrafficStart);
            var batches = new EventHubBatches($"p{size}", TrafficStart);
            await app.Processor.ProcessAsync(batches.Next(traffic.Next(size)), CancellationToken.None);

            var perBatch = new List<double>();
            for (var i = 0; i < batchCount; i++)
            {
                var batch = batches.Next(traffic.Next(size));
                var outcome = await app.Processor.ProcessAsync(batch, CancellationToken.None);
                perBatch.Add(outcome.Elapsed.TotalMilliseconds);
            }

            var eventsPerSecond = size * batchCount / (perBatch.Sum() / 1000);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"batch {size,5}: {eventsPerSecond,8:0} events/s over {batchCount} batches (after 1 warm-up); per batch p50 {Percentiles.Of(perBatch, 50):0.0} ms, max {perBatch.Max():0.0} ms"));
        }
    }

    [MeasurementFact]
    public async Task Pipeline_AlertRaisingBatch_TimeFromBatchStartToTeamsPost()
    {
        const int Iterations = 100;
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync(minimumLogLevel: LogLevel.Information);
        var traffic = new BenignTraffic("latency-exchange", seed: 5, TrafficStart);
        var batches = new EventHubBatches("0", TrafficStart);
        await app.Processor.ProcessAsync(batches.Next(traffic.Next(100)), CancellationToken.None);

        var toPost = new List<double>();
        var processing = new List<double>();
        for (var i = 0; i < Iterations; i++)
        {
            var drain = new DrainScenario("latency-exchange", $"latency-wallet-{i}", TrafficStart.AddMinutes(i));
            var batch = batches.Next([.. traffic.Next(96), .. drain.Legs(0, 4)]);
            var requestsBefore = env.Teams.Requests.Count;

            var started = TimeProvider.System.GetTimestamp();
            var outcome = await app.Processor.ProcessAsync(batch, CancellationToken.None);
            await env.DeliverQueuedNotificationsAsync(app);

            var post = env.Teams.Requests.Skip(requestsBefore).First();
            toPost.Add(TimeProvider.System.GetElapsedTime(started, post.ReceivedAt).TotalMilliseconds);
            processing.Add(outcome.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"batch start to Teams post ({Iterations} batches of 100 events, each raising one alert): p50 {Percentiles.Of(toPost, 50):0.0} ms, p99 {Percentiles.Of(toPost, 99):0.0} ms; " +
            $"processor alone p50 {Percentiles.Of(processing, 50):0.0} ms, p99 {Percentiles.Of(processing, 99):0.0} ms"));
    }
}
