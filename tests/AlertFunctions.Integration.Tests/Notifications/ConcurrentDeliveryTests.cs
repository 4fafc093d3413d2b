using AlertFunctions.App.Notifications;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;

namespace AlertFunctions.Integration.Tests.Notifications;

/// <summary>Two deliverers finding the same owed alert at once: exactly one of them posts it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentDeliveryTests(AzuriteFixture azurite)
{
    private const int PostInFlightEventId = 4224;
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);

    [Fact]
    public async Task Dispatch_DuplicateMessageOnAnotherInstanceWhileThePostIsInFlight_PostsOnce()
    {
        // A replayed batch enqueues the alert's notification again; the copy reaches another instance while Teams is still
        // answering the first post (1 s, within the 2 s attempt timeout the tests set). Both read the alert as owed: without
        // a claim on the row, both posted.
        await using var env = PipelineEnvironment.Create(azurite);
        var first = await env.StartInstanceAsync();
        var second = await env.StartInstanceAsync();
        var message = await RaiseOneAlertAsync(env, first, "hot-c");
        env.Teams.Enqueue(FakeResponse.AcceptedAfter(TimeSpan.FromSeconds(1)));

        var inFlight = first.Dispatcher.DispatchAsync(message, CancellationToken.None);
        Assert.Single(await env.Teams.WaitForRequestsAsync(1));
        await second.Dispatcher.DispatchAsync(message, CancellationToken.None);
        await inFlight;

        var alert = Assert.Single(await env.AllAlertsAsync());
        Assert.Equal([alert.Alert.AlertId], TeamsPosts.AcceptedAlertIds(env.Teams));
        Assert.Single(env.Teams.Requests);
        Assert.Equal((NotificationState.Delivered, (DateTimeOffset?)null), (alert.NotificationState, alert.PostingUntil));
        var skipped = Assert.Single(second.Logs.Entries, e => e.EventId.Id == PostInFlightEventId);
        Assert.Equal(alert.Alert.AlertId, skipped.Value<string>("AlertId"));
    }

    [Fact]
    public async Task Sweep_AlertClaimedByADelivererThatDied_LeavesItUntilTheClaimRunsOutThenPostsItOnce()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var message = await RaiseOneAlertAsync(env, app, "hot-s");
        var alertId = Assert.Single(await env.AllAlertsAsync()).Alert.AlertId;
        env.Clock.Advance(NotificationTiming.QueueGrace + TimeSpan.FromMinutes(1));
        var now = env.Clock.GetUtcNow();
        Assert.Equal(PostClaimOutcome.Claimed, (await env.Stores.Alerts.ClaimPostAsync(alertId, now, now + TimeSpan.FromMinutes(2))).Outcome);

        var whileClaimed = await app.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        env.Clock.Advance(TimeSpan.FromMinutes(3));
        var afterItRanOut = await app.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await app.Dispatcher.DispatchAsync(message, CancellationToken.None);

        Assert.Equal((0, 1), (whileClaimed, afterItRanOut));
        Assert.Equal([alertId], TeamsPosts.AcceptedAlertIds(env.Teams));
        Assert.Single(env.Teams.Requests);
        Assert.Equal(NotificationState.Delivered, Assert.Single(await env.AllAlertsAsync()).NotificationState);
    }

    [Fact]
    public async Task Sweep_WhileTheEscalationIsBeingPosted_AfterTheLowerPostWasRecorded_DoesNotPostTheEscalationAgain()
    {
        // A posts the raised alert; it escalates meanwhile and B claims and posts the escalation. A's result, recorded while
        // B's post is in flight, released B's claim, and the sweep then posted the escalation a second time.
        await using var env = PipelineEnvironment.Create(azurite);
        var first = await env.StartInstanceAsync();
        var second = await env.StartInstanceAsync();
        var sweeper = await env.StartInstanceAsync();
        var drain = new DrainScenario("contoso-exchange", "hot-e", DrainStart);
        var batches = new EventHubBatches("0", DrainStart);
        // Five legs raise a high alert ($3M); the sixth takes it past twice that and escalates it to critical.
        await first.Processor.ProcessAsync(batches.Next(drain.Legs(0, 5)), CancellationToken.None);
        var raisedMessage = await TakeOneMessageAsync(env);
        var raised = Assert.Single(await env.AllAlertsAsync()).Alert;
        env.Teams.Enqueue(FakeResponse.AcceptedAfter(TimeSpan.FromMilliseconds(500)), FakeResponse.AcceptedAfter(TimeSpan.FromMilliseconds(1500)));
        var postA = first.Dispatcher.DispatchAsync(raisedMessage, CancellationToken.None);
        await env.Teams.WaitForRequestsAsync(1);

        await first.Processor.ProcessAsync(batches.Next(drain.Legs(5, 15)), CancellationToken.None);
        var escalated = Assert.Single(await env.AllAlertsAsync()).Alert;
        Assert.True(escalated.Severity > raised.Severity, $"{escalated.Severity} should exceed {raised.Severity}");
        var postB = second.Dispatcher.DispatchAsync(await TakeOneMessageAsync(env), CancellationToken.None);
        await env.Teams.WaitForRequestsAsync(2);
        await postA;
        await sweeper.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await postB;

        Assert.Equal(2, TeamsPosts.AcceptedAlertIds(env.Teams).Count);
        Assert.Equal(NotificationState.Delivered, Assert.Single(await env.AllAlertsAsync()).NotificationState);
    }

    /// <summary>Drains a wallet far enough for one rapid-drain alert and takes its notification off the queue.</summary>
    private static async Task<string> RaiseOneAlertAsync(PipelineEnvironment env, AppInstance app, string wallet)
    {
        await app.Processor.ProcessAsync(new EventHubBatches("0", DrainStart).Next(new DrainScenario("contoso-exchange", wallet, DrainStart).Legs(0, 6)), CancellationToken.None);
        return await TakeOneMessageAsync(env);
    }

    private static async Task<string> TakeOneMessageAsync(PipelineEnvironment env)
    {
        var queue = env.NotificationQueueClient();
        var message = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.Body.ToString();
    }
}
