using AlertFunctions.App.AlertsApi;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Testing;

namespace AlertFunctions.Integration.Tests.AlertsApi;

[Collection(AzuriteCollection.Name)]
public sealed class AlertResponderTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset DrainStart = PipelineEnvironment.DefaultStart.AddHours(-2);

    [Fact]
    public async Task AcknowledgeAndResolve_StoredAlert_RecordWhoAndWhenAndRepeatAsUnchanged()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var alertId = await RaiseAlertAsync(env, app);
        var actions = app.ResponderActions;

        var acknowledged = await actions.AcknowledgeAsync(alertId, "alice@example.com", CancellationToken.None);
        var acknowledgedAt = env.Clock.GetUtcNow();
        var again = await actions.AcknowledgeAsync(alertId, "bob@example.com", CancellationToken.None);
        env.Clock.Advance(TimeSpan.FromMinutes(30));
        var resolved = await actions.ResolveAsync(alertId, "carol@example.com", CancellationToken.None);
        var acknowledgeResolved = await actions.AcknowledgeAsync("no-such-alert", "dave", CancellationToken.None);

        Assert.Equal(ResponderActionOutcome.Applied, acknowledged.Outcome);
        Assert.Equal((AlertStatus.Acknowledged, "alice@example.com"), (acknowledged.Alert!.Status, acknowledged.Alert.AcknowledgedBy));
        Assert.InRange(acknowledged.Alert.AcknowledgedAt!.Value, PipelineEnvironment.DefaultStart, acknowledgedAt);
        Assert.Equal((ResponderActionOutcome.Unchanged, "alice@example.com"), (again.Outcome, again.Alert!.AcknowledgedBy));
        Assert.Equal(ResponderActionOutcome.Applied, resolved.Outcome);
        Assert.Equal((AlertStatus.Resolved, "carol@example.com"), (resolved.Alert!.Status, resolved.Alert.ResolvedBy));
        Assert.True(resolved.Alert.ResolvedAt >= acknowledgedAt.AddMinutes(30));
        Assert.Equal(ResponderActionOutcome.NotFound, acknowledgeResolved.Outcome);
    }

    [Fact]
    public async Task Acknowledge_ResolvedAlert_IsAConflict()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var alertId = await RaiseAlertAsync(env, app);
        await app.ResponderActions.ResolveAsync(alertId, "carol", CancellationToken.None);

        var result = await app.ResponderActions.AcknowledgeAsync(alertId, "alice", CancellationToken.None);

        Assert.Equal(ResponderActionOutcome.Conflict, result.Outcome);
        Assert.Null(result.Alert!.AcknowledgedBy);
    }

    [Fact]
    public async Task Queries_ListAndGet_ShowTheAlertWithItsStatusAndNotificationState()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var app = await env.StartInstanceAsync();
        var alertId = await RaiseAlertAsync(env, app);
        await env.DeliverQueuedNotificationsAsync(app);
        await app.ResponderActions.AcknowledgeAsync(alertId, "alice", CancellationToken.None);

        var acknowledged = await app.Queries.ListRecentAsync(AlertListQuery.Default with { Status = AlertStatus.Acknowledged }, CancellationToken.None);
        var open = await app.Queries.ListRecentAsync(AlertListQuery.Default with { Status = AlertStatus.Open }, CancellationToken.None);
        var otherPlatform = await app.Queries.ListRecentAsync(AlertListQuery.Default with { Platform = "fabrikam-exchange" }, CancellationToken.None);
        var single = await app.Queries.GetAsync(alertId, CancellationToken.None);

        var listed = Assert.Single(acknowledged);
        Assert.Equal((alertId, NotificationState.Sent), (listed.Alert.AlertId, listed.NotificationState));
        Assert.Empty(open);
        Assert.Empty(otherPlatform);
        Assert.Equal(
            (listed.Alert.AlertId, listed.Alert.Revision, listed.Status, listed.AcknowledgedBy, listed.AcknowledgedAt, listed.NotificationState),
            (single!.Alert.AlertId, single.Alert.Revision, single.Status, single.AcknowledgedBy, single.AcknowledgedAt, single.NotificationState));
        Assert.Null(await app.Queries.GetAsync("rapid-drain-000000000000-0000000000000000", CancellationToken.None));
    }

    private static async Task<string> RaiseAlertAsync(PipelineEnvironment env, AppInstance app)
    {
        var drain = new DrainScenario("contoso-exchange", "hot-r", DrainStart);
        await app.Processor.ProcessAsync(new EventHubBatches("0", DrainStart).Next(drain.Legs(0, 8)), CancellationToken.None);
        return Assert.Single(await env.AllAlertsAsync()).Alert.AlertId;
    }
}
