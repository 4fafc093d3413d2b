using AlertFunctions.Detection.Alerts;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Testing;

namespace AlertFunctions.Integration.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class LeaseMoveTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);

    [Fact]
    public async Task ProcessAsync_PartitionMovesToAnotherInstance_ItGrowsTheSameAlertInsteadOfRaisingANewOne()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var first = await env.StartInstanceAsync();
        var drain = new DrainScenario("contoso-exchange", "hot-f", DrainStart);
        var batches = new EventHubBatches("4", DrainStart);
        await first.Processor.ProcessAsync(batches.Next(drain.Legs(0, 6)), CancellationToken.None);
        var raised = Assert.Single(await env.AllAlertsAsync());

        var second = await env.StartInstanceAsync();
        var continued = await second.Processor.ProcessAsync(batches.Next(drain.Legs(6, 6)), CancellationToken.None);

        var grown = Assert.Single(await env.AllAlertsAsync());
        Assert.Equal(raised.Alert.AlertId, grown.Alert.AlertId);
        Assert.Equal(0, continued.AlertsRaised);
        Assert.True(grown.Alert.Revision > raised.Alert.Revision, $"revision {grown.Alert.Revision} should exceed {raised.Alert.Revision}");
        Assert.Equal(12 * DrainScenario.LegUsd, grown.Alert.AmountUsd);
    }

    [Fact]
    public async Task ProcessAsync_StaleInstanceGetsTheNextBatch_RefusedThenRetriedFromTheNewestState()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var first = await env.StartInstanceAsync();
        var second = await env.StartInstanceAsync();
        var drain = new DrainScenario("contoso-exchange", "hot-s", DrainStart);
        var batches = new EventHubBatches("6", DrainStart);
        await first.Processor.ProcessAsync(batches.Next(drain.Legs(0, 6)), CancellationToken.None);
        await second.Processor.ProcessAsync(batches.Next(drain.Legs(6, 6)), CancellationToken.None);
        var third = batches.Next(drain.Legs(12, 6));

        // The first instance still holds the state from before the second one's batch: its save is refused.
        await Assert.ThrowsAsync<DetectorStateConflictException>(() => first.Processor.ProcessAsync(third, CancellationToken.None));
        Assert.Single(first.Logs.WithEventId(4212));
        var retried = await first.Processor.ProcessAsync(third, CancellationToken.None);

        Assert.Equal((6, 0), (retried.Processed, retried.Skipped));
        var alert = Assert.Single(await env.AllAlertsAsync());
        Assert.Equal(18 * DrainScenario.LegUsd, alert.Alert.AmountUsd);
        Assert.Equal(Severity.Critical, alert.Alert.Severity);
        Assert.Equal(18L, Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(DateOnly.FromDateTime(DrainStart.UtcDateTime))).Withdrawals);
        Assert.Equal(third.Messages[^1].SequenceNumber, (await env.Stores.DetectorState.LoadAsync("partition-6")).LastSequenceNumber);
    }
}
