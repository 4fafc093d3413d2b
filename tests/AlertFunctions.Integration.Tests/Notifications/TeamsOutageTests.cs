using AlertFunctions.Detection.Alerts;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;

namespace AlertFunctions.Integration.Tests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class TeamsOutageTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);

    [Fact]
    public async Task Dispatch_TeamsFailingThenBack_EveryAlertDeliveredExactlyOnceAfterTheSweep()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        string[] wallets = ["hot-d1", "hot-d2", "hot-d3"];
        var legs = wallets.SelectMany(w => new DrainScenario("contoso-exchange", w, DrainStart).Legs(0, 8)).ToList();
        await app.Processor.ProcessAsync(new EventHubBatches("0", DrainStart).Next(legs), CancellationToken.None);
        env.Teams.Enqueue(FakeResponse.NoAnswer());
        env.Teams.Fallback = FakeResponse.Status(500);

        var before = env.Clock.GetUtcNow();
        var dispatched = await env.DeliverQueuedNotificationsAsync(app);
        var after = env.Clock.GetUtcNow();

        // Three wallets drained at once: a rapid-drain alert for each of the first two, then the platform-wide multi-asset
        // drain, which the third wallet's drain joins.
        var failed = await env.AllAlertsAsync();
        Assert.Equal(3, failed.Count);
        Assert.Equal(failed.Count, dispatched);
        Assert.All(failed, a =>
        {
            Assert.Equal(NotificationState.Failed, a.NotificationState);
            Assert.Equal(1, a.NotificationAttempts);
            Assert.Contains("500", a.LastNotificationError);
            // The first retry is due a minute after the failure, whenever (on a busy machine) the failure happened.
            Assert.InRange(a.NextAttemptAt!.Value, before + TimeSpan.FromMinutes(1), after + TimeSpan.FromMinutes(1));
        });
        Assert.Equal(2 * failed.Count, (await env.Teams.WaitForRequestsAsync(2 * failed.Count)).Count);
        Assert.Equal(0, await app.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(2 * failed.Count, env.Teams.Requests.Count);

        env.Teams.Fallback = FakeResponse.Accepted();
        env.Clock.Advance(TimeSpan.FromMinutes(2));
        var swept = await app.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        var sweptAgain = await app.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await env.DeliverQueuedNotificationsAsync(app);

        Assert.Equal((failed.Count, 0), (swept, sweptAgain));
        Assert.Equal(failed.Select(a => a.Alert.AlertId).Order(), TeamsPosts.AcceptedAlertIds(env.Teams).Order());
        Assert.All(await env.AllAlertsAsync(), a =>
        {
            Assert.Equal(NotificationState.Delivered, a.NotificationState);
            Assert.Equal(2, a.NotificationAttempts);
            Assert.Null(a.LastNotificationError);
        });
        var everything = app.Logs.Entries.Select(e => e.Message + e.Exception + string.Join(",", e.Values.Values)).ToList();
        Assert.DoesNotContain(everything, text => text.Contains(env.Teams.Signature, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_AlertEscalatesAfterDelivery_PostsTheHigherSeverityOnceMore()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var drain = new DrainScenario("contoso-exchange", "hot-e", DrainStart);
        var batches = new EventHubBatches("0", DrainStart);
        // Five legs raise a high alert ($3M); the sixth takes it past twice that and escalates it to critical.
        await app.Processor.ProcessAsync(batches.Next(drain.Legs(0, 5)), CancellationToken.None);
        await env.DeliverQueuedNotificationsAsync(app);
        var escalating = batches.Next(drain.Legs(5, 13));

        var escalated = await app.Processor.ProcessAsync(escalating, CancellationToken.None);
        await env.DeliverQueuedNotificationsAsync(app);
        await app.Processor.ProcessAsync(escalating, CancellationToken.None);
        await env.DeliverQueuedNotificationsAsync(app);

        Assert.Equal(1, escalated.AlertsEscalated);
        var alert = Assert.Single(await env.AllAlertsAsync());
        Assert.Equal((Severity.Critical, Severity.Critical, NotificationState.Delivered), (alert.Alert.Severity, alert.NotifiedSeverity, alert.NotificationState));
        Assert.Equal([alert.Alert.AlertId, alert.Alert.AlertId], TeamsPosts.AcceptedAlertIds(env.Teams));
    }

    [Fact]
    public async Task Sweep_TeamsNotAnswering_StopsAfterTheFirstTimedOutPostInsteadOfWaitingOutEveryOwedAlert()
    {
        // Each post to a Teams that does not answer takes the whole Teams:TotalTimeout (60 s by default). A sweep owes up to 50
        // posts, so at the defaults it would run 50 minutes: five times the host's functionTimeout (10 min, host.json), and the
        // host kills it (and every other function of the instance) long before. Scaled down here: 0.3 s per post.
        await using var env = PipelineEnvironment.Create(azurite);
        env.Settings["Teams:AttemptTimeout"] = "00:00:00.150";
        env.Settings["Teams:TotalTimeout"] = "00:00:00.300";
        var app = await env.StartInstanceAsync();
        // Eight exchanges drained at once, one wallet each: eight rapid-drain alerts (wallets of one exchange would join its
        // multi-asset-drain alert once that is open).
        var legs = Enumerable.Range(1, 8).SelectMany(w => new DrainScenario($"exchange-{w}", $"hot-s{w}", DrainStart).Legs(0, 8)).ToList();
        await app.Processor.ProcessAsync(new EventHubBatches("0", DrainStart).Next(legs), CancellationToken.None);
        var owed = (await env.AllAlertsAsync()).Count;
        env.Teams.Fallback = FakeResponse.NoAnswer();
        env.Clock.Advance(TimeSpan.FromMinutes(6));

        var started = TimeProvider.System.GetTimestamp();
        await app.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        var took = TimeProvider.System.GetElapsedTime(started);

        Assert.True(owed >= 8, $"expected a drain alert per wallet, got {owed}");
        var tried = (await env.AllAlertsAsync()).Count(a => a.NotificationAttempts > 0);
        Assert.True(tried <= 2, $"the sweep tried {tried} of {owed} owed alerts against an unresponsive Teams, taking {took.TotalSeconds:0.0} s");
        Assert.All(await env.AllAlertsAsync(), a => Assert.NotEqual(NotificationState.Delivered, a.NotificationState));
    }
}
