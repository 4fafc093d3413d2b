using AlertFunctions.App.Ingestion;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Testing;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AlertFunctions.Integration.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);

    [Fact]
    public async Task ProcessAsync_CrashBetweenAlertUpsertAndStateSave_ReplayOnFreshInstanceKeepsAlertIdsAndPostsOnce()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var crash = new TransactionCrashPolicy();
        var crashing = await StartInstanceCrashingAtTheStateSaveAsync(env, crash);
        var batch = new EventHubBatches("2", DrainStart).Next(new DrainScenario("contoso-exchange", "hot-c", DrainStart).Legs(0, 8));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Processor.ProcessAsync(batch, CancellationToken.None));

        // Everything before the save landed; the checkpoint did not, so the batch still counts as not applied.
        var written = await env.AllAlertsAsync();
        Assert.NotEmpty(written);
        Assert.Equal(1, crash.Crashes);
        Assert.Null((await env.Stores.DetectorState.LoadAsync("partition-2")).LastSequenceNumber);
        Assert.Equal(written.Count, await env.QueuedNotificationCountAsync());

        var restarted = await env.StartInstanceAsync();
        var replay = await restarted.Processor.ProcessAsync(batch, CancellationToken.None);
        var dispatched = await env.DeliverQueuedNotificationsAsync(restarted);

        Assert.Equal((8, 0), (replay.Processed, replay.Skipped));
        var final = await env.AllAlertsAsync();
        Assert.Equal(Identities(written), Identities(final));
        Assert.Equal(2 * written.Count, dispatched);
        Assert.Equal(written.Select(a => a.Alert.AlertId), TeamsPosts.AcceptedAlertIds(env.Teams));
        Assert.All(final, a => Assert.Equal(NotificationState.Delivered, a.NotificationState));
        Assert.Equal(8L, Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(DateOnly.FromDateTime(DrainStart.UtcDateTime))).Withdrawals);
        Assert.Equal(batch.Messages[^1].SequenceNumber, (await env.Stores.DetectorState.LoadAsync("partition-2")).LastSequenceNumber);
    }

    [Fact]
    public async Task ProcessAsync_AlertStorageUnreachableMidDrain_ThrowsThenRetryOnSameInstanceGivesTheCorrectFinalState()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        await using var alertsLink = TcpForwarder.Start(StorageEndpoints.TablePort(env.StorageConnectionString));
        var viaLink = StorageEndpoints.WithTablePort(env.StorageConnectionString, alertsLink.Port);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        var app = await env.StartInstanceAsync(services => services.AddSingleton(
            new AlertTableStore(new TableServiceClient(viaLink, options), env.StorageOptions)));
        var drain = new DrainScenario("contoso-exchange", "hot-g", DrainStart);
        var batches = new EventHubBatches("5", DrainStart);
        var first = batches.Next(drain.Legs(0, 6));
        var second = batches.Next([.. drain.Legs(6, 6), "{ not an event"]);
        await app.Processor.ProcessAsync(first, CancellationToken.None);
        var raised = Assert.Single(await env.AllAlertsAsync());

        await alertsLink.DownAsync();
        // The SDK gives up after its retries with an AggregateException of the refused connections; the processor passes it on.
        var failure = await Assert.ThrowsAsync<AggregateException>(() => app.Processor.ProcessAsync(second, CancellationToken.None));
        Assert.All(failure.InnerExceptions, inner => Assert.IsType<RequestFailedException>(inner));

        Assert.Same(failure, Assert.Single(app.Logs.WithEventId(4211)).Exception);
        Assert.Equal(first.Messages[^1].SequenceNumber, (await env.Stores.DetectorState.LoadAsync("partition-5")).LastSequenceNumber);

        alertsLink.Up();
        var retry = await app.Processor.ProcessAsync(second, CancellationToken.None);
        await env.DeliverQueuedNotificationsAsync(app);

        Assert.Equal((7, 6, 1, 0), (retry.Received, retry.Processed, retry.DeadLettered, retry.Skipped));
        var grown = Assert.Single(await env.AllAlertsAsync());
        Assert.Equal(raised.Alert.AlertId, grown.Alert.AlertId);
        Assert.True(grown.Alert.Revision > raised.Alert.Revision, $"revision {grown.Alert.Revision} should exceed {raised.Alert.Revision}");
        Assert.Equal(12L, Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(DateOnly.FromDateTime(DrainStart.UtcDateTime))).Withdrawals);
        Assert.Equal(second.Messages[^1].SequenceNumber, (await env.Stores.DetectorState.LoadAsync("partition-5")).LastSequenceNumber);
        Assert.Single(await env.Stores.DeadLetters.ListByDayAsync(DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime)));
        Assert.Equal([raised.Alert.AlertId], TeamsPosts.AcceptedAlertIds(env.Teams));
    }

    [Fact]
    public async Task ProcessAsync_CrashBeforeTheStateSave_RedeliveredInDifferentBatches_CountsEachWithdrawalOnceInTheDailyVolume()
    {
        // The daily volume landed for the eight legs, the checkpoint did not; the broker then redelivers from the old
        // checkpoint cut into other batches (four legs, then those four again with four new ones).
        await using var env = PipelineEnvironment.Create(azurite);
        var crash = new TransactionCrashPolicy();
        var crashing = await StartInstanceCrashingAtTheStateSaveAsync(env, crash);
        var drain = new DrainScenario("contoso-exchange", "hot-v", DrainStart);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Processor.ProcessAsync(new EventHubBatches("5", DrainStart).Next(drain.Legs(0, 8)), CancellationToken.None));

        var restarted = await env.StartInstanceAsync();
        var redelivered = new EventHubBatches("5", DrainStart);
        await restarted.Processor.ProcessAsync(redelivered.Next(drain.Legs(0, 4)), CancellationToken.None);
        await restarted.Processor.ProcessAsync(redelivered.Next(drain.Legs(4, 8)), CancellationToken.None);

        var day = Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(DateOnly.FromDateTime(DrainStart.UtcDateTime)));
        Assert.Equal((12L, 12 * DrainScenario.LegUsd), (day.Withdrawals, day.VolumeUsd));
    }

    [Fact]
    public async Task ProcessAsync_CrashBeforeTheStateSaveJustBeforeMidnight_RetriedAfterMidnight_DeadLettersTheRefusedEventOnce()
    {
        // The batch's refused event was written to the dead letters at 23:59; the checkpoint was not. The retry runs after
        // midnight: the event is still one dead letter, counted in one day's summary, not in both.
        var beforeMidnight = new DateTimeOffset(2026, 3, 14, 23, 59, 0, TimeSpan.Zero);
        await using var env = PipelineEnvironment.Create(azurite, beforeMidnight);
        var crash = new TransactionCrashPolicy();
        var crashing = await StartInstanceCrashingAtTheStateSaveAsync(env, crash);
        var drain = new DrainScenario("contoso-exchange", "hot-n", beforeMidnight.AddMinutes(-30));
        var batch = new EventHubBatches("6", beforeMidnight).Next([.. drain.Legs(0, 2), "{ not an event"]);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Processor.ProcessAsync(batch, CancellationToken.None));

        env.Clock.Advance(TimeSpan.FromMinutes(5));
        var restarted = await env.StartInstanceAsync();
        var retry = await restarted.Processor.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal((3, 2, 1), (retry.Received, retry.Processed, retry.DeadLettered));
        var day = DateOnly.FromDateTime(beforeMidnight.UtcDateTime);
        var counted = await env.Stores.DeadLetters.CountByDayAsync(day) + await env.Stores.DeadLetters.CountByDayAsync(day.AddDays(1));
        Assert.Equal(1L, counted);
    }

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { 1, 2 })]
    [InlineData(new[] { 2 })]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 2, 4 })]
    [InlineData(new[] { 1, 1, 1 })]
    public async Task ProcessAsync_CrashAfterSomeOfSeveralStateTransactions_RetryOnFreshInstanceEndsInTheUninterruptedState(int[] transactionsLandedPerCrash)
    {
        // A batch touching hundreds of keys saves in several transactions; the worker dies after some of them landed, so
        // some rows (perhaps the platform's, with the ids of every event in the batch) already hold the batch; the retry may
        // die too. The last retry must end exactly where a run without crashes ends: the same detector state, alerts and volume.
        await using var reference = PipelineEnvironment.Create(azurite);
        await using var env = PipelineEnvironment.Create(azurite);
        var warmUp = Batches(out var interrupted);
        await (await env.StartInstanceAsync()).Processor.ProcessAsync(warmUp, CancellationToken.None);
        foreach (var landed in transactionsLandedPerCrash)
        {
            var crash = new TransactionCrashPolicy(transactionsBeforeCrash: landed);
            var dying = await StartInstanceCrashingAtTheStateSaveAsync(env, crash);
            await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.Processor.ProcessAsync(interrupted, CancellationToken.None));
            Assert.Equal(1, crash.Crashes);
        }

        var retry = await (await env.StartInstanceAsync()).Processor.ProcessAsync(interrupted, CancellationToken.None);

        var uninterrupted = await reference.StartInstanceAsync();
        await uninterrupted.Processor.ProcessAsync(Batches(out var same), CancellationToken.None);
        await uninterrupted.Processor.ProcessAsync(same, CancellationToken.None);
        Assert.Equal((interrupted.Messages.Count, 0, 0), (retry.Processed, retry.Duplicates, retry.Skipped));
        Assert.Equal(await StateOf(reference, "partition-3"), await StateOf(env, "partition-3"));
        Assert.Equal(Identities(await reference.AllAlertsAsync()), Identities(await env.AllAlertsAsync()));
        Assert.NotEmpty(await env.AllAlertsAsync());
        var day = DateOnly.FromDateTime(DrainStart.UtcDateTime);
        Assert.Equal(
            (await reference.Stores.DailyVolume.GetTotalsAsync(day)).Select(t => (t.Withdrawals, t.VolumeUsd)),
            (await env.Stores.DailyVolume.GetTotalsAsync(day)).Select(t => (t.Withdrawals, t.VolumeUsd)));
    }

    /// <summary>Customers' withdrawals, then more of them with a drain among them: far more keys than one transaction holds.</summary>
    private static IngestBatch Batches(out IngestBatch second)
    {
        var traffic = new BenignTraffic("contoso-exchange", seed: 7, DrainStart.AddMinutes(-10));
        var batches = new EventHubBatches("3", DrainStart);
        var first = batches.Next(traffic.Next(300));
        second = batches.Next([.. traffic.Next(300), .. new DrainScenario("contoso-exchange", "hot-x", DrainStart).Legs(0, 8)]);
        return first;
    }

    private static async Task<IReadOnlyList<(string Key, string Payload)>> StateOf(PipelineEnvironment env, string scope)
    {
        var loaded = await env.Stores.DetectorState.LoadAsync(scope);
        Assert.False(loaded.HasInterruptedSave);
        return [.. loaded.Entries.Select(e => (e.Key, Convert.ToHexString(e.Payload))).Order()];
    }

    /// <summary>An instance whose detector-state saves fail while <paramref name="crash"/> is armed (everything before them lands).</summary>
    private static Task<AppInstance> StartInstanceCrashingAtTheStateSaveAsync(PipelineEnvironment env, TransactionCrashPolicy crash) =>
        env.StartInstanceAsync(services => services.AddSingleton(new DetectorStateStore(TablesWith(env.StorageConnectionString, crash), env.StorageOptions)));

    private static TableServiceClient TablesWith(string connectionString, HttpPipelinePolicy policy)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new TableServiceClient(connectionString, options);
    }

    private static IEnumerable<(string, int)> Identities(IEnumerable<StoredAlert> alerts) =>
        alerts.Select(a => (a.Alert.AlertId, a.Alert.Revision)).Order();
}
