using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;

namespace AlertFunctions.Storage.Tests;

public sealed class StoredAlertTransitionsTests
{
    private static readonly DateTimeOffset Later = new(2025, 3, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Upsert_FailedDeliveryUpdatedWithoutEscalation_KeepsBackOff()
    {
        var failed = StoredAlertTransitions.MarkDeliveryFailed(
            StoredAlertTransitions.New(SampleAlerts.Create(revision: 1, severity: Severity.High)), "HTTP 500", Later, heldClaim: null)!;

        var next = StoredAlertTransitions.Upsert(failed, SampleAlerts.Create(revision: 2, severity: Severity.High))!;

        Assert.Equal(NotificationState.Failed, next.NotificationState);
        Assert.Equal(Later, next.NextAttemptAt);
        Assert.Equal(2, next.Alert.Revision);
    }

    [Fact]
    public void Upsert_FailedDeliveryEscalated_BecomesPendingNow()
    {
        var failed = StoredAlertTransitions.MarkDeliveryFailed(
            StoredAlertTransitions.New(SampleAlerts.Create(revision: 1, severity: Severity.High)), "HTTP 500", Later, heldClaim: null)!;

        var next = StoredAlertTransitions.Upsert(failed, SampleAlerts.Create(revision: 2, severity: Severity.Critical))!;

        Assert.Equal(NotificationState.Pending, next.NotificationState);
        Assert.Null(next.NextAttemptAt);
        Assert.Equal(0, next.NotificationAttempts);
    }

    [Fact]
    public void Upsert_NewAlertWithNotificationDueTime_IsPendingUntilThen()
    {
        var stored = StoredAlertTransitions.Upsert(null, SampleAlerts.Create(), notificationDueAt: Later)!;

        Assert.Equal(NotificationState.Pending, stored.NotificationState);
        Assert.Equal(Later, stored.NextAttemptAt);
    }

    [Fact]
    public void Upsert_DeliveredThenEscalatedWithNotificationDueTime_ReopensUntilThen()
    {
        var delivered = StoredAlertTransitions.MarkDelivered(
            StoredAlertTransitions.New(SampleAlerts.Create(revision: 1, severity: Severity.High)), Severity.High, heldClaim: null);

        var next = StoredAlertTransitions.Upsert(delivered, SampleAlerts.Create(revision: 2, severity: Severity.Critical), Later)!;

        Assert.Equal(NotificationState.Pending, next.NotificationState);
        Assert.Equal(Later, next.NextAttemptAt);
    }

    [Fact]
    public void Upsert_PendingUpdatedWithAnotherDueTime_KeepsTheFirst()
    {
        var pending = StoredAlertTransitions.New(SampleAlerts.Create(revision: 1), Later);

        var next = StoredAlertTransitions.Upsert(pending, SampleAlerts.Create(revision: 2), Later.AddHours(1))!;

        Assert.Equal(Later, next.NextAttemptAt);
    }

    [Fact]
    public void Upsert_DeliveredThenSeverityDrops_StaysDelivered()
    {
        var delivered = StoredAlertTransitions.MarkDelivered(
            StoredAlertTransitions.New(SampleAlerts.Create(revision: 1, severity: Severity.High)), Severity.High, heldClaim: null);

        var next = StoredAlertTransitions.Upsert(delivered, SampleAlerts.Create(revision: 2, severity: Severity.Medium))!;

        Assert.Equal(NotificationState.Delivered, next.NotificationState);
        Assert.Equal(Severity.High, next.NotifiedSeverity);
    }

    [Fact]
    public void MarkDeliveryFailed_AfterDelivery_ChangesNothing()
    {
        var delivered = StoredAlertTransitions.MarkDelivered(StoredAlertTransitions.New(SampleAlerts.Create()), Severity.High, heldClaim: null);

        Assert.Null(StoredAlertTransitions.MarkDeliveryFailed(delivered, "late timeout", Later, heldClaim: null));
    }

    [Fact]
    public void MarkDeliveryFailed_VeryLongError_IsTruncated()
    {
        var failed = StoredAlertTransitions.MarkDeliveryFailed(StoredAlertTransitions.New(SampleAlerts.Create()), new string('x', 10_000), Later, heldClaim: null)!;

        Assert.Equal(StoredAlertTransitions.MaxErrorLength, failed.LastNotificationError!.Length);
    }

    [Fact]
    public void Acknowledge_ResolvedAlert_RecordsWhoButStaysResolved()
    {
        var resolved = StoredAlertTransitions.Resolve(StoredAlertTransitions.New(SampleAlerts.Create()), "carol", Later)!;

        var acknowledged = StoredAlertTransitions.Acknowledge(resolved, "alice", Later.AddMinutes(1))!;

        Assert.Equal(AlertStatus.Resolved, acknowledged.Status);
        Assert.Equal("alice", acknowledged.AcknowledgedBy);
    }

    [Fact]
    public void ClaimPost_OwedAndUnclaimed_IsClaimedUntilTheGivenTime()
    {
        var pending = StoredAlertTransitions.New(SampleAlerts.Create(severity: Severity.High));

        var claimed = StoredAlertTransitions.ClaimPost(pending, Later, Later.AddMinutes(2));

        Assert.Equal(Later.AddMinutes(2), claimed!.PostingUntil);
    }

    [Fact]
    public void ClaimPost_AnotherClaimStillRunning_IsRefusedUntilItRunsOut()
    {
        var claimed = StoredAlertTransitions.ClaimPost(StoredAlertTransitions.New(SampleAlerts.Create()), Later, Later.AddMinutes(2))!;

        Assert.Null(StoredAlertTransitions.ClaimPost(claimed, Later.AddMinutes(1), Later.AddMinutes(3)));
        Assert.Equal(Later.AddMinutes(4), StoredAlertTransitions.ClaimPost(claimed, Later.AddMinutes(2), Later.AddMinutes(4))!.PostingUntil);
    }

    [Fact]
    public void ClaimPost_SeverityAlreadyPosted_IsRefused()
    {
        var delivered = StoredAlertTransitions.MarkDelivered(StoredAlertTransitions.New(SampleAlerts.Create(severity: Severity.High)), Severity.High, heldClaim: null);

        Assert.Null(StoredAlertTransitions.ClaimPost(delivered, Later, Later.AddMinutes(2)));
        Assert.False(StoredAlertTransitions.IsOwed(delivered));
    }

    [Fact]
    public void MarkDeliveredOrFailed_ReleasesTheClaim()
    {
        var claimed = StoredAlertTransitions.ClaimPost(StoredAlertTransitions.New(SampleAlerts.Create(severity: Severity.High)), Later, Later.AddMinutes(2))!;

        Assert.Null(StoredAlertTransitions.MarkDelivered(claimed, Severity.High, claimed.PostingUntil).PostingUntil);
        Assert.Null(StoredAlertTransitions.MarkDeliveryFailed(claimed, "HTTP 500", Later.AddMinutes(1), claimed.PostingUntil)!.PostingUntil);
    }

    [Fact]
    public void MarkDeliveredOrFailed_AnotherDeliverersClaim_IsKept()
    {
        // A's claim on the High post was released by an escalation and B claimed the Critical post: A's result must not free it.
        var mine = StoredAlertTransitions.ClaimPost(StoredAlertTransitions.New(SampleAlerts.Create(revision: 1, severity: Severity.High)), Later, Later.AddMinutes(2))!;
        var escalated = StoredAlertTransitions.Upsert(mine, SampleAlerts.Create(revision: 2, severity: Severity.Critical))!;
        var theirs = StoredAlertTransitions.ClaimPost(escalated, Later.AddSeconds(10), Later.AddSeconds(10).AddMinutes(2))!;

        var delivered = StoredAlertTransitions.MarkDelivered(theirs, Severity.High, mine.PostingUntil);
        var failed = StoredAlertTransitions.MarkDeliveryFailed(theirs, "HTTP 500", Later.AddMinutes(1), mine.PostingUntil)!;

        Assert.Equal((NotificationState.Pending, Severity.High), (delivered.NotificationState, delivered.NotifiedSeverity));
        Assert.Equal(theirs.PostingUntil, delivered.PostingUntil);
        Assert.Equal(theirs.PostingUntil, failed.PostingUntil);
    }

    [Fact]
    public void ClaimPost_EndOfTheClaim_IsKeptInWholeMilliseconds()
    {
        // The end is its holder's token: it must compare equal after any store's round trip.
        var until = Later.AddTicks(12_345);

        var claimed = StoredAlertTransitions.ClaimPost(StoredAlertTransitions.New(SampleAlerts.Create()), Later, until)!;

        Assert.Equal(Later.AddMilliseconds(1), claimed.PostingUntil);
    }

    [Fact]
    public void Upsert_EscalatedWhileTheLowerSeverityIsBeingPosted_ReleasesTheClaimForTheNewPost()
    {
        // The higher severity is a post of its own: its delivery must not wait for the lower one's claim to run out.
        var delivered = StoredAlertTransitions.MarkDelivered(StoredAlertTransitions.New(SampleAlerts.Create(revision: 1, severity: Severity.Medium)), Severity.Medium, heldClaim: null);
        var high = StoredAlertTransitions.Upsert(delivered, SampleAlerts.Create(revision: 2, severity: Severity.High))!;
        var posting = StoredAlertTransitions.ClaimPost(high, Later, Later.AddMinutes(2))!;

        var critical = StoredAlertTransitions.Upsert(posting, SampleAlerts.Create(revision: 3, severity: Severity.Critical))!;

        Assert.Equal(NotificationState.Pending, critical.NotificationState);
        Assert.Null(critical.PostingUntil);
    }
}
