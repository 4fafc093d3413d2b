using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Testing;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AlertTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2025, 3, 15, 8, 0, 0, TimeSpan.Zero);

    private readonly AlertStorageOptions _options = IsolatedStorage.Options(azurite);

    private AlertTableStore Store => AlertStores.Create(_options).Alerts;

    [Fact]
    public async Task UpsertAsync_NewAlert_StoresEveryFieldAsPendingAndOpen()
    {
        var store = Store;
        var alert = SampleAlerts.Create();

        var result = await store.UpsertAsync(alert);
        var stored = await store.GetAsync(alert.AlertId);

        Assert.Equal(new AlertWriteResult(alert.AlertId, Changed: true, NeedsNotification: true), result);
        Assert.NotNull(stored);
        SampleAlerts.AssertSame(alert, stored.Alert);
        Assert.Equal(NotificationState.Pending, stored.NotificationState);
        Assert.Null(stored.NotifiedSeverity);
        Assert.Equal(0, stored.NotificationAttempts);
        Assert.Equal(AlertStatus.Open, stored.Status);
        Assert.Equal(new DateOnly(2025, 3, 14), stored.Day);
    }

    [Fact]
    public async Task UpsertAsync_NewAlert_UsesWindowStartDayAndAlertIdAsKeys()
    {
        var alert = SampleAlerts.Create(windowStart: new DateTimeOffset(2025, 3, 15, 1, 30, 0, TimeSpan.FromHours(5)));

        await Store.UpsertAsync(alert);

        var row = await RawTable().GetEntityAsync<TableEntity>("20250314", alert.AlertId);
        Assert.Equal("pending", row.Value.GetString("NotificationState"));
        Assert.Equal("open", row.Value.GetString("Status"));
        Assert.Equal("", row.Value.GetString("NotifiedSeverity"));
        Assert.Equal("1234568.89", row.Value.GetString("AmountUsd"));
    }

    [Fact]
    public async Task UpsertAsync_SameRevisionTwice_LeavesOneUnchangedRow()
    {
        var store = Store;
        var alert = SampleAlerts.Create(revision: 2);
        await store.UpsertAsync(alert);
        var before = await RawTable().GetEntityAsync<TableEntity>("20250314", alert.AlertId);

        var replay = await store.UpsertAsync(alert with { Severity = Severity.Low, Summary = "replayed" });

        var after = await RawTable().GetEntityAsync<TableEntity>("20250314", alert.AlertId);
        Assert.False(replay.Changed);
        Assert.True(replay.NeedsNotification);
        Assert.Equal(before.Value.ETag, after.Value.ETag);
        var rows = await store.ListByDayAsync(new DateOnly(2025, 3, 14));
        var only = Assert.Single(rows);
        SampleAlerts.AssertSame(alert, only.Alert);
    }

    [Fact]
    public async Task UpsertAsync_OlderRevisionAfterNewer_IsIgnored()
    {
        var store = Store;
        await store.UpsertAsync(SampleAlerts.Create(revision: 3));

        var result = await store.UpsertAsync(SampleAlerts.Create(revision: 2));

        Assert.False(result.Changed);
        Assert.Equal(3, (await store.GetAsync(SampleAlerts.Create().AlertId))!.Alert.Revision);
    }

    [Fact]
    public async Task UpsertAsync_HigherRevisionSameSeverity_PreservesDeliveryAndAcknowledgement()
    {
        var store = Store;
        var first = SampleAlerts.Create(revision: 1, severity: Severity.High);
        await store.UpsertAsync(first);
        await store.MarkDeliveredAsync(first.AlertId, Severity.High, heldClaim: null);
        await store.AcknowledgeAsync(first.AlertId, "alice@example.com", Now);
        var second = SampleAlerts.Create(revision: 2, severity: Severity.High);

        var result = await store.UpsertAsync(second);

        var stored = await store.GetAsync(first.AlertId);
        Assert.Equal(new AlertWriteResult(first.AlertId, Changed: true, NeedsNotification: false), result);
        SampleAlerts.AssertSame(second, stored!.Alert);
        Assert.Equal(NotificationState.Delivered, stored.NotificationState);
        Assert.Equal(Severity.High, stored.NotifiedSeverity);
        Assert.Equal(1, stored.NotificationAttempts);
        Assert.Equal(AlertStatus.Acknowledged, stored.Status);
        Assert.Equal("alice@example.com", stored.AcknowledgedBy);
        Assert.Equal(Now, stored.AcknowledgedAt);
    }

    [Fact]
    public async Task UpsertAsync_Escalation_ReopensNotificationAndKeepsAcknowledgement()
    {
        var store = Store;
        var first = SampleAlerts.Create(revision: 1, severity: Severity.High);
        await store.UpsertAsync(first);
        await store.MarkDeliveredAsync(first.AlertId, Severity.High, heldClaim: null);
        await store.AcknowledgeAsync(first.AlertId, "alice@example.com", Now);

        var result = await store.UpsertAsync(SampleAlerts.Create(revision: 2, severity: Severity.Critical));

        var stored = await store.GetAsync(first.AlertId);
        Assert.True(result.NeedsNotification);
        Assert.Equal(NotificationState.Pending, stored!.NotificationState);
        Assert.Equal(Severity.High, stored.NotifiedSeverity);
        Assert.Equal(AlertStatus.Acknowledged, stored.Status);
        var pending = await store.ListPendingNotificationsAsync(Now, 10);
        Assert.Equal(first.AlertId, Assert.Single(pending).Alert.AlertId);
    }

    [Fact]
    public async Task UpsertAsync_RevisionWhoseWindowMovedToNextDay_KeepsSingleRow()
    {
        var store = Store;
        await store.UpsertAsync(SampleAlerts.Create(revision: 1));
        var moved = SampleAlerts.Create(revision: 2, windowStart: SampleAlerts.WindowStart.AddHours(1));

        await store.UpsertAsync(moved);

        Assert.Single(await store.ListByDayAsync(new DateOnly(2025, 3, 14)));
        Assert.Empty(await store.ListByDayAsync(new DateOnly(2025, 3, 15)));
        SampleAlerts.AssertSame(moved, (await store.GetAsync(moved.AlertId))!.Alert);
    }

    [Fact]
    public async Task UpsertAsync_ConcurrentRevisions_HighestWins()
    {
        var store = Store;
        await store.UpsertAsync(SampleAlerts.Create(revision: 1));

        await Task.WhenAll(Enumerable.Range(2, 5).Select(r => Task.Run(() => store.UpsertAsync(SampleAlerts.Create(revision: r)))));

        Assert.Equal(6, (await store.GetAsync(SampleAlerts.Create().AlertId))!.Alert.Revision);
    }

    [Fact]
    public async Task UpsertAsync_AlertIdWithUppercase_ThrowsArgumentException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(SampleAlerts.Create(alertId: "Rapid/Drain")));

        Assert.StartsWith("Alert id 'Rapid/Drain' must be 1-512 characters of [a-z0-9-].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertManyAsync_SeveralRevisionsOfOneAlert_StoresOnlyTheHighest()
    {
        var store = Store;

        var results = await store.UpsertManyAsync(
        [
            SampleAlerts.Create(revision: 1),
            SampleAlerts.Create(revision: 3),
            SampleAlerts.Create(revision: 2),
            SampleAlerts.Create(alertId: "structuring-1", revision: 1),
        ]);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Changed));
        var rows = await store.ListByDayAsync(new DateOnly(2025, 3, 14));
        Assert.Equal(3, rows.Single(r => r.Alert.AlertId == SampleAlerts.Create().AlertId).Alert.Revision);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task ListPendingNotificationsAsync_MixedStates_ReturnsPendingAndDueFailuresMostSevereFirst()
    {
        var store = Store;
        await store.UpsertAsync(SampleAlerts.Create(alertId: "pending-medium", severity: Severity.Medium));
        await store.UpsertAsync(SampleAlerts.Create(alertId: "delivered", severity: Severity.Critical));
        await store.MarkDeliveredAsync("delivered", Severity.Critical, heldClaim: null);
        await store.UpsertAsync(SampleAlerts.Create(alertId: "failed-due", severity: Severity.Critical));
        await store.MarkDeliveryFailedAsync("failed-due", "HTTP 502 from webhook", Now.AddMinutes(-1), heldClaim: null);
        await store.UpsertAsync(SampleAlerts.Create(alertId: "failed-later", severity: Severity.Critical));
        await store.MarkDeliveryFailedAsync("failed-later", "HTTP 429 from webhook", Now.AddMinutes(5), heldClaim: null);

        var pending = await store.ListPendingNotificationsAsync(Now, 10);

        Assert.Equal(["failed-due", "pending-medium"], pending.Select(p => p.Alert.AlertId));
        Assert.Single(await store.ListPendingNotificationsAsync(Now, 1));
    }

    [Fact]
    public async Task ListPendingNotificationsAsync_PendingWithinTheQueueGrace_IsLeftOutUntilDue()
    {
        var store = Store;
        await store.UpsertAsync(SampleAlerts.Create(alertId: "fresh"), notificationDueAt: Now.AddMinutes(5));
        await store.UpsertManyAsync([SampleAlerts.Create(alertId: "stale")], notificationDueAt: Now.AddMinutes(-1));

        var now = await store.ListPendingNotificationsAsync(Now, 10);
        var later = await store.ListPendingNotificationsAsync(Now.AddMinutes(5), 10);

        Assert.Equal(["stale"], now.Select(p => p.Alert.AlertId));
        Assert.Equal(["fresh", "stale"], later.Select(p => p.Alert.AlertId).Order(StringComparer.Ordinal));
        Assert.Equal(Now.AddMinutes(5), (await store.GetAsync("fresh"))!.NextAttemptAt);
    }

    [Fact]
    public async Task ClaimPostAsync_TwoDeliverersAtOnce_ExactlyOneClaimsAndTheClaimedRowIsLeftOutOfTheSweepUntilItRunsOut()
    {
        var store = Store;
        var alert = SampleAlerts.Create();
        await store.UpsertAsync(alert);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.ClaimPostAsync(alert.AlertId, Now, Now.AddMinutes(2))));
        var whileClaimed = await store.ListPendingNotificationsAsync(Now.AddMinutes(1), 10);
        var afterItRanOut = await store.ListPendingNotificationsAsync(Now.AddMinutes(2), 10);

        Assert.Single(claims, c => c.Outcome == PostClaimOutcome.Claimed);
        Assert.All(claims.Where(c => c.Outcome != PostClaimOutcome.Claimed), c => Assert.Equal(PostClaimOutcome.HeldByAnother, c.Outcome));
        Assert.Equal(Now.AddMinutes(2), (await store.GetAsync(alert.AlertId))!.PostingUntil);
        Assert.Empty(whileClaimed);
        Assert.Equal([alert.AlertId], afterItRanOut.Select(a => a.Alert.AlertId));
    }

    [Fact]
    public async Task ClaimPostAsync_DeliveredOrMissing_SaysSo()
    {
        var store = Store;
        var alert = SampleAlerts.Create(severity: Severity.High);
        await store.UpsertAsync(alert);
        await store.MarkDeliveredAsync(alert.AlertId, Severity.High, heldClaim: null);

        Assert.Equal(PostClaimOutcome.NotOwed, (await store.ClaimPostAsync(alert.AlertId, Now, Now.AddMinutes(2))).Outcome);
        Assert.Equal(new PostClaim(PostClaimOutcome.Missing, null), await store.ClaimPostAsync("no-such-alert", Now, Now.AddMinutes(2)));
    }

    [Fact]
    public async Task MarkDeliveryFailedAsync_ThenDelivered_RecordsAttemptsAndClearsError()
    {
        var store = Store;
        var alert = SampleAlerts.Create();
        await store.UpsertAsync(alert);

        await store.MarkDeliveryFailedAsync(alert.AlertId, "HTTP 503 from webhook", Now.AddMinutes(2), heldClaim: null);
        var failed = await store.GetAsync(alert.AlertId);
        await store.MarkDeliveredAsync(alert.AlertId, Severity.High, heldClaim: null);
        var delivered = await store.GetAsync(alert.AlertId);

        Assert.Equal(NotificationState.Failed, failed!.NotificationState);
        Assert.Equal("HTTP 503 from webhook", failed.LastNotificationError);
        Assert.Equal(Now.AddMinutes(2), failed.NextAttemptAt);
        Assert.Equal(1, failed.NotificationAttempts);
        Assert.Equal(NotificationState.Delivered, delivered!.NotificationState);
        Assert.Null(delivered.LastNotificationError);
        Assert.Null(delivered.NextAttemptAt);
        Assert.Equal(2, delivered.NotificationAttempts);
    }

    [Fact]
    public async Task MarkDeliveredAsync_OfTheLowerSeverity_WhileTheEscalationIsBeingPosted_KeepsTheEscalationsClaim()
    {
        var store = Store;
        var id = SampleAlerts.Create().AlertId;
        await store.UpsertAsync(SampleAlerts.Create(revision: 1, severity: Severity.High));
        // Deliverer A claims and starts posting the High card; the alert escalates, which releases A's claim, and B claims the
        // Critical post.
        var a = await store.ClaimPostAsync(id, Now, Now.AddMinutes(2));
        await store.UpsertAsync(SampleAlerts.Create(revision: 2, severity: Severity.Critical));
        var b = await store.ClaimPostAsync(id, Now.AddSeconds(10), Now.AddSeconds(10).AddMinutes(2));
        Assert.Equal((PostClaimOutcome.Claimed, Severity.Critical), (b.Outcome, b.Alert!.Alert.Severity));

        // A's High post returns and is recorded while B's Critical post is still in flight.
        await store.MarkDeliveredAsync(id, Severity.High, a.Alert!.PostingUntil);

        // The sweep (or a duplicate message) 20 s later must leave the alert to B.
        Assert.Empty(await store.ListPendingNotificationsAsync(Now.AddSeconds(20), 50));
        Assert.Equal(PostClaimOutcome.HeldByAnother, (await store.ClaimPostAsync(id, Now.AddSeconds(20), Now.AddSeconds(20).AddMinutes(2))).Outcome);
    }

    [Fact]
    public async Task MarkDeliveredAsync_AlertEscalatedMeanwhile_StaysPendingForHigherSeverity()
    {
        var store = Store;
        await store.UpsertAsync(SampleAlerts.Create(revision: 1, severity: Severity.High));
        await store.UpsertAsync(SampleAlerts.Create(revision: 2, severity: Severity.Critical));

        await store.MarkDeliveredAsync(SampleAlerts.Create().AlertId, Severity.High, heldClaim: null);

        var stored = await store.GetAsync(SampleAlerts.Create().AlertId);
        Assert.Equal(NotificationState.Pending, stored!.NotificationState);
        Assert.Equal(Severity.High, stored.NotifiedSeverity);
    }

    [Fact]
    public async Task AcknowledgeAsync_ThenResolve_RecordsBothAndFirstAcknowledgementWins()
    {
        var store = Store;
        var alert = SampleAlerts.Create();
        await store.UpsertAsync(alert);

        Assert.True(await store.AcknowledgeAsync(alert.AlertId, "alice", Now));
        Assert.True(await store.AcknowledgeAsync(alert.AlertId, "bob", Now.AddMinutes(1)));
        var acknowledged = await store.GetAsync(alert.AlertId);
        Assert.True(await store.ResolveAsync(alert.AlertId, "carol", Now.AddHours(1)));
        var resolved = await store.GetAsync(alert.AlertId);

        Assert.Equal(AlertStatus.Acknowledged, acknowledged!.Status);
        Assert.Equal("alice", acknowledged.AcknowledgedBy);
        Assert.Equal(Now, acknowledged.AcknowledgedAt);
        Assert.Equal(AlertStatus.Resolved, resolved!.Status);
        Assert.Equal("carol", resolved.ResolvedBy);
        Assert.Equal(Now.AddHours(1), resolved.ResolvedAt);
        Assert.Equal("alice", resolved.AcknowledgedBy);
    }

    [Fact]
    public async Task AcknowledgeAndResolve_UnknownAlert_ReturnFalse()
    {
        var store = Store;

        Assert.False(await store.AcknowledgeAsync("no-such-alert", "alice", Now));
        Assert.False(await store.ResolveAsync("no-such-alert", "alice", Now));
        Assert.False(await store.MarkDeliveredAsync("no-such-alert", Severity.Low, heldClaim: null));
        Assert.Null(await store.GetAsync("no-such-alert"));
    }

    [Fact]
    public async Task ListRecentAsync_FiltersByPlatformAndStatus_NewestFirst()
    {
        var store = Store;
        var day = SampleAlerts.WindowStart;
        await store.UpsertAsync(SampleAlerts.Create(alertId: "old", windowStart: day.AddDays(-3)));
        await store.UpsertAsync(SampleAlerts.Create(alertId: "a1", windowStart: day));
        await store.UpsertAsync(SampleAlerts.Create(alertId: "a2", windowStart: day.AddDays(1)));
        await store.UpsertAsync(SampleAlerts.Create(alertId: "other-platform", platform: "exchange-two", windowStart: day.AddDays(1)));
        await store.UpsertAsync(SampleAlerts.Create(alertId: "a3", windowStart: day.AddDays(2)));
        await store.ResolveAsync("a3", "carol", Now);
        var from = DateOnly.FromDateTime(day.UtcDateTime);

        var all = await store.ListRecentAsync(from, 10, platform: null, status: null);
        var openOnPlatform = await store.ListRecentAsync(from, 10, "exchange-one", "open");
        var newestOne = await store.ListRecentAsync(from, 1, null, null);

        Assert.Equal(["a3", "a2", "other-platform", "a1"], all.Select(a => a.Alert.AlertId));
        Assert.Equal(["a2", "a1"], openOnPlatform.Select(a => a.Alert.AlertId));
        Assert.Equal("a3", Assert.Single(newestOne).Alert.AlertId);
    }

    [Fact]
    public async Task ListRecentAsync_UnknownStatus_ThrowsArgumentException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Store.ListRecentAsync(new DateOnly(2025, 1, 1), 10, null, "closed"));

        Assert.StartsWith("'closed' is not an alert status; expected open, acknowledged or resolved.", ex.Message, StringComparison.Ordinal);
    }

    private TableClient RawTable() => new(azurite.ConnectionString, _options.AlertsTableName);
}
