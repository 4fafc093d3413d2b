using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Testing;

namespace AlertFunctions.Integration.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class IngestPipelineTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);
    private static readonly DateOnly Day = DateOnly.FromDateTime(DrainStart.UtcDateTime);

    [Fact]
    public async Task ProcessAsync_DrainBatch_StoresAlertsStateAndVolumeAndTeamsHearsOnce()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var drain = new DrainScenario("contoso-exchange", "hot-a", DrainStart);
        var batch = new EventHubBatches("0", DrainStart).Next(drain.Legs(0, 8));

        var outcome = await app.Processor.ProcessAsync(batch, CancellationToken.None);

        var alerts = await env.AllAlertsAsync();
        var rapidDrain = Assert.Single(alerts);
        Assert.Equal(RuleIds.RapidDrain, rapidDrain.Alert.Rule);
        Assert.Equal(drain.Wallet, rapidDrain.Alert.Subject);
        Assert.Equal(NotificationState.Pending, rapidDrain.NotificationState);
        Assert.Equal((8, 8, 0, 0, 1), (outcome.Received, outcome.Processed, outcome.DeadLettered, outcome.Skipped, outcome.AlertsRaised));

        var state = await env.Stores.DetectorState.LoadAsync("partition-0");
        Assert.Equal(batch.Messages[^1].SequenceNumber, state.LastSequenceNumber);
        Assert.NotEmpty(state.Entries);

        var volume = Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(Day));
        Assert.Equal(("contoso-exchange", 8L, 8 * DrainScenario.LegUsd), (volume.Platform, volume.Withdrawals, volume.VolumeUsd));

        // Within the queue's grace the sweep leaves the fresh alert alone, so it cannot race the queue trigger.
        Assert.Equal(0, await app.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Empty(env.Teams.Requests);

        Assert.Equal(1, await env.DeliverQueuedNotificationsAsync(app));
        env.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal([rapidDrain.Alert.AlertId], TeamsPosts.AcceptedAlertIds(env.Teams));
        var delivered = (await env.Stores.Alerts.GetAsync(rapidDrain.Alert.AlertId))!;
        Assert.Equal(NotificationState.Delivered, delivered.NotificationState);
        Assert.Equal(rapidDrain.Alert.Severity, delivered.NotifiedSeverity);
        Assert.Equal(1, delivered.NotificationAttempts);
    }

    [Fact]
    public async Task ProcessAsync_SameBatchReplayed_SkipsItNoDuplicateAlertNoSecondPost()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var drain = new DrainScenario("contoso-exchange", "hot-b", DrainStart);
        var batch = new EventHubBatches("3", DrainStart).Next(drain.Legs(0, 8));
        await app.Processor.ProcessAsync(batch, CancellationToken.None);
        await env.DeliverQueuedNotificationsAsync(app);
        var before = await env.AllAlertsAsync();

        var replay = await app.Processor.ProcessAsync(batch, CancellationToken.None);
        var replayOnAnotherInstance = await (await env.StartInstanceAsync()).Processor.ProcessAsync(batch, CancellationToken.None);
        await env.DeliverQueuedNotificationsAsync(app);

        Assert.Equal((8, 0, 8), (replay.Received, replay.Processed, replay.Skipped));
        Assert.Equal((8, 0, 8), (replayOnAnotherInstance.Received, replayOnAnotherInstance.Processed, replayOnAnotherInstance.Skipped));
        var after = await env.AllAlertsAsync();
        Assert.Equal(before.Select(a => (a.Alert.AlertId, a.Alert.Revision)), after.Select(a => (a.Alert.AlertId, a.Alert.Revision)));
        Assert.Equal(before.Select(a => a.Alert.AlertId), TeamsPosts.AcceptedAlertIds(env.Teams));
        Assert.Equal(8L, Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(Day)).Withdrawals);
        Assert.Equal(batch.Messages[^1].SequenceNumber, (await env.Stores.DetectorState.LoadAsync("partition-3")).LastSequenceNumber);
    }

    [Fact]
    public async Task ProcessAsync_MalformedEvents_DeadLettersThemWithRawBodyAndReason()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var traffic = new BenignTraffic("fabrikam-exchange", seed: 7, DrainStart);
        var valid = traffic.Next(3);
        string[] malformed =
        [
            "this is not json",
            "",
            """{"eventId":"no-platform","chain":"ethereum"}""",
            WithdrawalJson.Body("from-the-future", "fabrikam-exchange", "0xaa", "0xbb", "USDT", 10m, 10m, PipelineEnvironment.DefaultStart.AddHours(3)),
        ];
        var batches = new EventHubBatches("1", DrainStart);
        var batch = batches.Next([valid[0], malformed[0], valid[1], malformed[1], malformed[2], valid[2], malformed[3]]);

        var outcome = await app.Processor.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal((7, 3, 4, 0), (outcome.Received, outcome.Processed, outcome.DeadLettered, outcome.Skipped));
        Assert.Equal(outcome.Received, outcome.Processed + outcome.DeadLettered + outcome.Skipped);
        var logged = Assert.Single(app.Logs.WithEventId(4210));
        Assert.Equal((7, 3, 4, 0), (logged.Value<int>("EventCount"), logged.Value<int>("ProcessedCount"), logged.Value<int>("DeadLetteredCount"), logged.Value<int>("SkippedCount")));

        var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
        var deadLetters = await env.Stores.DeadLetters.ListByDayAsync(today);
        Assert.Equal(
            [
                (malformed[0], RejectionReason.InvalidJson, 1001L),
                (malformed[1], RejectionReason.EmptyBody, 1003L),
                (malformed[2], RejectionReason.MissingField, 1004L),
                (malformed[3], RejectionReason.TimestampInFuture, 1006L),
            ],
            deadLetters.OrderBy(d => d.SequenceNumber).Select(d => (System.Text.Encoding.UTF8.GetString(d.RawBody.Span), d.Reason.Reason, d.SequenceNumber!.Value)));
        Assert.All(deadLetters, d =>
        {
            Assert.Equal("1", d.PartitionId);
            Assert.Equal("eventhub", d.Source);
            Assert.Equal(DrainStart.AddMilliseconds(d.SequenceNumber!.Value), d.EnqueuedTime);
            Assert.False(string.IsNullOrWhiteSpace(d.Reason.Message));
            Assert.InRange(d.DeadLetteredAt, PipelineEnvironment.DefaultStart, env.Clock.GetUtcNow());
        });
        Assert.Contains("platform", deadLetters.Single(d => d.Reason.Reason == RejectionReason.MissingField).Reason.Message);
        Assert.Equal(3L, Assert.Single(await env.Stores.DailyVolume.GetTotalsAsync(Day)).Withdrawals);

        var replay = await app.Processor.ProcessAsync(batch, CancellationToken.None);
        Assert.Equal((7, 0, 0, 7), (replay.Received, replay.Processed, replay.DeadLettered, replay.Skipped));
        Assert.Equal(4, (await env.Stores.DeadLetters.ListByDayAsync(today)).Count);
    }
}
