using AlertFunctions.App.Ingestion;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Testing;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Integration.Tests.Ingestion;

/// <summary>
/// A recreated hub, or a namespace failed over to its Geo-DR secondary, numbers a partition's events from 0 again. The events
/// it then delivers are new, although their sequence numbers are at or below the checkpoint; only their enqueued times,
/// later than any event applied, tell them from a redelivery.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SequenceRestartTests(AzuriteFixture azurite)
{
    private const string PartitionId = "4";
    private const string Scope = "partition-4";
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);
    private static readonly DateTimeOffset RecreatedAt = DrainStart.AddMinutes(30);
    private static readonly DateOnly Day = DateOnly.FromDateTime(DrainStart.UtcDateTime);
    private static readonly DrainScenario Before = new("contoso-exchange", "hot-before", DrainStart);
    private static readonly DrainScenario After = new("contoso-exchange", "hot-after", DrainStart.AddMinutes(20));

    [Fact]
    public async Task ProcessAsync_SequenceNumbersStartAgain_AppliesTheNewEventsAsIfTheNumberingHadContinued()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        await app.Processor.ProcessAsync(new EventHubBatches(PartitionId, DrainStart).Next(Before.Legs(0, 8)), CancellationToken.None);

        var outcome = await app.Processor.ProcessAsync(Renumbered().Next(After.Legs(0, 8)), CancellationToken.None);

        Assert.Equal((8, 8, 0), (outcome.Received, outcome.Processed, outcome.Skipped));
        Assert.Equal(7L, (await env.Stores.DetectorState.LoadAsync(Scope)).LastSequenceNumber);
        await AssertAsWithContinuousNumberingAsync(env, [Before.Legs(0, 8), After.Legs(0, 8)]);
        var warning = Assert.Single(app.Logs.WithEventId(4215));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            (PartitionId, 1007L, 0L),
            (warning.Value<string>("PartitionId"), warning.Value<long>("Checkpoint"), warning.Value<long>("FirstSequenceNumber")));
    }

    [Fact]
    public async Task ProcessAsync_AfterTheNumberingStartedAgain_ARedeliveryIsSkippedAndTheNextBatchApplied()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        await app.Processor.ProcessAsync(new EventHubBatches(PartitionId, DrainStart).Next(Before.Legs(0, 8)), CancellationToken.None);
        var renumbered = Renumbered();
        var first = renumbered.Next(After.Legs(0, 4));
        await app.Processor.ProcessAsync(first, CancellationToken.None);

        var redelivered = await (await env.StartInstanceAsync()).Processor.ProcessAsync(first, CancellationToken.None);
        var next = await app.Processor.ProcessAsync(renumbered.Next(After.Legs(4, 4)), CancellationToken.None);

        Assert.Equal((0, 4), (redelivered.Processed, redelivered.Skipped));
        Assert.Equal((4, 0), (next.Processed, next.Skipped));
        Assert.Equal(7L, (await env.Stores.DetectorState.LoadAsync(Scope)).LastSequenceNumber);
        await AssertAsWithContinuousNumberingAsync(env, [Before.Legs(0, 8), After.Legs(0, 4), After.Legs(4, 4)]);
        Assert.Single(app.Logs.WithEventId(4215));
    }

    [Fact]
    public async Task ProcessAsync_BatchRedeliversAppliedEventsThenStartsTheNumberingAgain_SkipsOnlyTheRedelivered()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var applied = new EventHubBatches(PartitionId, DrainStart).Next(Before.Legs(0, 8));
        await app.Processor.ProcessAsync(applied, CancellationToken.None);
        var mixed = new IngestBatch(
            PartitionId,
            [.. applied.Messages.Skip(5).Concat(Renumbered().Next(After.Legs(0, 5)).Messages).Select((message, i) => message with { Index = i })]);

        var outcome = await app.Processor.ProcessAsync(mixed, CancellationToken.None);

        Assert.Equal((8, 5, 3), (outcome.Received, outcome.Processed, outcome.Skipped));
        Assert.Equal(4L, (await env.Stores.DetectorState.LoadAsync(Scope)).LastSequenceNumber);
        await AssertAsWithContinuousNumberingAsync(env, [Before.Legs(0, 8), After.Legs(0, 5)]);
        var warning = Assert.Single(app.Logs.WithEventId(4215));
        Assert.Equal((1007L, 0L), (warning.Value<long>("Checkpoint"), warning.Value<long>("FirstSequenceNumber")));
    }

    [Fact]
    public async Task ProcessAsync_CrashBeforeTheStateSaveOfTheFirstRenumberedBatch_RetryOnFreshInstanceAppliesItOnce()
    {
        // Alerts and volume of the renumbered batch landed, the checkpoint did not: the retry must see the restart again, and
        // the daily volume must count the batch once, neither skip it (its numbers are below the day's) nor count it twice.
        await using var env = PipelineEnvironment.Create(azurite);
        await (await env.StartInstanceAsync()).Processor.ProcessAsync(
            new EventHubBatches(PartitionId, DrainStart).Next(Before.Legs(0, 8)), CancellationToken.None);
        var renumbered = Renumbered().Next(After.Legs(0, 8));
        var crash = new TransactionCrashPolicy();
        var dying = await StartInstanceCrashingAtTheStateSaveAsync(env, crash);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.Processor.ProcessAsync(renumbered, CancellationToken.None));

        var retry = await (await env.StartInstanceAsync()).Processor.ProcessAsync(renumbered, CancellationToken.None);

        Assert.Equal(1, crash.Crashes);
        Assert.Equal((8, 0), (retry.Processed, retry.Skipped));
        Assert.Equal(7L, (await env.Stores.DetectorState.LoadAsync(Scope)).LastSequenceNumber);
        await AssertAsWithContinuousNumberingAsync(env, [Before.Legs(0, 8), After.Legs(0, 8)]);
    }

    [Fact]
    public async Task ProcessAsync_CrashBeforeTheStateSaveOfABatchEndingTheOldNumberingAndStartingTheNew_RetryCountsTheVolumeOnce()
    {
        // The batch carries the old numbering's last unapplied events, then the new numbering's first. Its volume landed, the
        // checkpoint did not; the retry must count neither part of the day's volume again.
        await using var env = PipelineEnvironment.Create(azurite);
        var old = new EventHubBatches(PartitionId, DrainStart);
        await (await env.StartInstanceAsync()).Processor.ProcessAsync(old.Next(Before.Legs(0, 5)), CancellationToken.None);
        var mixed = new IngestBatch(
            PartitionId,
            [.. old.Next(Before.Legs(5, 3)).Messages.Concat(Renumbered().Next(After.Legs(0, 5)).Messages).Select((message, i) => message with { Index = i })]);
        var crash = new TransactionCrashPolicy();
        var dying = await StartInstanceCrashingAtTheStateSaveAsync(env, crash);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.Processor.ProcessAsync(mixed, CancellationToken.None));

        var retry = await (await env.StartInstanceAsync()).Processor.ProcessAsync(mixed, CancellationToken.None);

        Assert.Equal(1, crash.Crashes);
        Assert.Equal((8, 0), (retry.Processed, retry.Skipped));
        await AssertAsWithContinuousNumberingAsync(env, [Before.Legs(0, 5), [.. Before.Legs(5, 3), .. After.Legs(0, 5)]]);
    }

    [Fact]
    public async Task ProcessAsync_CrashPartWayThroughASeveralTransactionSaveOfTheFirstRenumberedBatch_RetryStillAppliesIt()
    {
        // The stopped save's first transaction rewrote the checkpoint row (marking the save in progress); it must still say
        // when the last applied event was enqueued, or the retry would take the renumbered batch for a redelivery.
        await using var env = PipelineEnvironment.Create(azurite);
        var traffic = new BenignTraffic("contoso-exchange", seed: 11, DrainStart.AddMinutes(-10));
        var warmUp = traffic.Next(300);
        var large = (IReadOnlyList<string>)[.. traffic.Next(300), .. After.Legs(0, 8)];
        await (await env.StartInstanceAsync()).Processor.ProcessAsync(new EventHubBatches(PartitionId, DrainStart).Next(warmUp), CancellationToken.None);
        var renumbered = Renumbered().Next(large);
        var crash = new TransactionCrashPolicy(transactionsBeforeCrash: 1);
        var dying = await StartInstanceCrashingAtTheStateSaveAsync(env, crash);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.Processor.ProcessAsync(renumbered, CancellationToken.None));

        var retry = await (await env.StartInstanceAsync()).Processor.ProcessAsync(renumbered, CancellationToken.None);

        Assert.Equal((large.Count, 0), (retry.Processed, retry.Skipped));
        Assert.Equal(large.Count - 1L, (await env.Stores.DetectorState.LoadAsync(Scope)).LastSequenceNumber);
        await AssertAsWithContinuousNumberingAsync(env, [warmUp, large]);
    }

    [Fact]
    public async Task ProcessAsync_CheckpointStoredWithoutEnqueuedTime_TheNextBatchRecordsOneAndALaterRestartIsApplied()
    {
        // A checkpoint saved before enqueued times were recorded, as every partition's is right after the upgrade.
        await using var env = PipelineEnvironment.Create(azurite);
        await SaveCheckpointWithoutEnqueuedTimeAsync(env, 999);
        var app = await env.StartInstanceAsync();
        await app.Processor.ProcessAsync(new EventHubBatches(PartitionId, DrainStart).Next(Before.Legs(0, 8)), CancellationToken.None);

        var outcome = await app.Processor.ProcessAsync(Renumbered().Next(After.Legs(0, 8)), CancellationToken.None);

        Assert.Equal((8, 0), (outcome.Processed, outcome.Skipped));
        Assert.Equal(7L, (await env.Stores.DetectorState.LoadAsync(Scope)).LastSequenceNumber);
    }

    [Fact]
    public async Task ProcessAsync_NumberingStartsAgainRightAfterACheckpointWithoutEnqueuedTime_SkipsAtOrBelowItAsBefore()
    {
        // Nothing tells a restart from a redelivery then: the events are skipped as they always were, and nothing fails.
        await using var env = PipelineEnvironment.Create(azurite);
        await SaveCheckpointWithoutEnqueuedTimeAsync(env, 1007);
        var app = await env.StartInstanceAsync();

        var outcome = await app.Processor.ProcessAsync(Renumbered().Next(After.Legs(0, 8)), CancellationToken.None);

        Assert.Equal((0, 8), (outcome.Processed, outcome.Skipped));
        Assert.Equal(1007L, (await env.Stores.DetectorState.LoadAsync(Scope)).LastSequenceNumber);
        Assert.Empty(app.Logs.WithEventId(4215));
    }

    /// <summary>The partition's numbering after the hub was recreated: from 0, enqueued after every event of the old one.</summary>
    private static EventHubBatches Renumbered() => new(PartitionId, RecreatedAt, firstSequenceNumber: 0);

    /// <summary>
    /// The alerts and the daily volume must be what the same bodies give when the partition's numbering never starts again.
    /// </summary>
    private async Task AssertAsWithContinuousNumberingAsync(PipelineEnvironment env, IReadOnlyList<IReadOnlyList<string>> bodies)
    {
        await using var reference = PipelineEnvironment.Create(azurite);
        var app = await reference.StartInstanceAsync();
        var continuous = new EventHubBatches(PartitionId, DrainStart);
        foreach (var batch in bodies)
        {
            await app.Processor.ProcessAsync(continuous.Next(batch), CancellationToken.None);
        }

        var expectedAlerts = (await reference.AllAlertsAsync()).Select(a => (a.Alert.AlertId, a.Alert.Revision)).Order().ToList();
        Assert.NotEmpty(expectedAlerts);
        Assert.Equal(expectedAlerts, (await env.AllAlertsAsync()).Select(a => (a.Alert.AlertId, a.Alert.Revision)).Order());
        Assert.Equal(
            (await reference.Stores.DailyVolume.GetTotalsAsync(Day)).Select(t => (t.Platform, t.Withdrawals, t.VolumeUsd)),
            (await env.Stores.DailyVolume.GetTotalsAsync(Day)).Select(t => (t.Platform, t.Withdrawals, t.VolumeUsd)));
    }

    private static async Task SaveCheckpointWithoutEnqueuedTimeAsync(PipelineEnvironment env, long sequenceNumber)
    {
        var store = env.Stores.DetectorState;
        await store.SaveAsync(Scope, [], await store.LoadAsync(Scope), sequenceNumber);
    }

    /// <summary>An instance whose detector-state saves fail while <paramref name="crash"/> is armed (everything before them lands).</summary>
    private static Task<AppInstance> StartInstanceCrashingAtTheStateSaveAsync(PipelineEnvironment env, TransactionCrashPolicy crash)
    {
        var options = new TableClientOptions();
        options.AddPolicy(crash, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(env.StorageConnectionString, options);
        return env.StartInstanceAsync(services => services.AddSingleton(new DetectorStateStore(tables, env.StorageOptions)));
    }
}
