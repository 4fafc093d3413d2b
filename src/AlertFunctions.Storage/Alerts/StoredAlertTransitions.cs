using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Storage.Alerts;

/// <summary>
/// The rules for how a stored alert changes, free of storage calls so they read (and test) as plain logic.
/// Each returns the new state, or null when nothing changes.
/// </summary>
internal static class StoredAlertTransitions
{
    public const int MaxErrorLength = 4000;

    /// <param name="notificationDueAt">When the sweep may post a still-pending notification; null means at once.</param>
    public static StoredAlert New(Alert alert, DateTimeOffset? notificationDueAt = null) => new()
    {
        Alert = alert,
        NotificationState = NotificationState.Pending,
        NextAttemptAt = notificationDueAt,
        Status = AlertStatus.Open,
        Day = Tables.DayKey.DayOf(alert.WindowStart),
    };

    /// <summary>
    /// An equal or older revision is a replay and changes nothing. A newer one replaces the alert but keeps delivery and responder
    /// state; it re-opens the notification when its severity exceeds what was posted. A failed delivery that is merely updated
    /// (no severity rise) keeps its back-off: the scheduled retry posts the latest revision anyway.
    /// <paramref name="notificationDueAt"/> becomes the <see cref="StoredAlert.NextAttemptAt"/> of a notification this write makes
    /// pending, so the sweep leaves it to the queue-triggered delivery until then.
    /// </summary>
    public static StoredAlert? Upsert(StoredAlert? existing, Alert incoming, DateTimeOffset? notificationDueAt = null)
    {
        if (existing is null)
        {
            return New(incoming, notificationDueAt);
        }

        if (existing.Alert.Revision >= incoming.Revision)
        {
            return null;
        }

        var aboveNotified = existing.NotifiedSeverity is not { } notified || incoming.Severity > notified;
        var escalated = incoming.Severity > existing.Alert.Severity;
        // A higher severity is a post of its own: a claim on the lower one's post in flight must not hold it back.
        var next = existing with { Alert = incoming, PostingUntil = escalated ? null : existing.PostingUntil };
        var reopen = existing.NotificationState switch
        {
            NotificationState.Pending => false,
            NotificationState.Delivered => aboveNotified,
            NotificationState.Failed => aboveNotified && escalated,
            _ => throw new ArgumentOutOfRangeException(nameof(existing), existing.NotificationState, null),
        };

        return reopen
            ? next with { NotificationState = NotificationState.Pending, NotificationAttempts = 0, NextAttemptAt = notificationDueAt }
            : next;
    }

    /// <summary>
    /// Claims the post of an alert owed one (its severity above what was posted) until <paramref name="until"/>; null when
    /// nothing is owed or another deliverer's claim still runs at <paramref name="now"/>.
    /// </summary>
    public static StoredAlert? ClaimPost(StoredAlert stored, DateTimeOffset now, DateTimeOffset until)
    {
        if (!IsOwed(stored) || stored.PostingUntil > now)
        {
            return null;
        }

        // The claim's end is also its holder's token (see MarkDelivered): whole milliseconds survive any store's round trip.
        return stored with { PostingUntil = new DateTimeOffset(until.UtcTicks - (until.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero) };
    }

    public static bool IsOwed(StoredAlert stored) => stored.NotifiedSeverity is not { } notified || stored.Alert.Severity > notified;

    /// <summary>
    /// Records a successful post; if the alert escalated while the post was in flight it stays pending for the higher severity.
    /// <paramref name="heldClaim"/> is the <see cref="StoredAlert.PostingUntil"/> of the caller's claim (null if it claimed
    /// nothing): only that claim is released. An escalation may have released it and another deliverer claimed the higher
    /// severity's post; that claim must hold, or the sweep would post the escalation a second time while it is in flight.
    /// </summary>
    public static StoredAlert MarkDelivered(StoredAlert stored, Severity postedSeverity, DateTimeOffset? heldClaim)
    {
        var notified = stored.NotifiedSeverity is { } previous && previous > postedSeverity ? previous : postedSeverity;
        return stored with
        {
            NotifiedSeverity = notified,
            NotificationState = stored.Alert.Severity > notified ? NotificationState.Pending : NotificationState.Delivered,
            NotificationAttempts = stored.NotificationAttempts + 1,
            LastNotificationError = null,
            NextAttemptAt = null,
            PostingUntil = Released(stored, heldClaim),
        };
    }

    /// <summary>
    /// A failure reported after a successful delivery (two deliverers racing) must not undo it. Like
    /// <see cref="MarkDelivered"/>, it releases only the caller's own claim.
    /// </summary>
    public static StoredAlert? MarkDeliveryFailed(StoredAlert stored, string error, DateTimeOffset nextAttemptAt, DateTimeOffset? heldClaim)
    {
        if (stored.NotificationState == NotificationState.Delivered)
        {
            return null;
        }

        return stored with
        {
            NotificationState = NotificationState.Failed,
            NotificationAttempts = stored.NotificationAttempts + 1,
            LastNotificationError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error,
            NextAttemptAt = nextAttemptAt,
            PostingUntil = Released(stored, heldClaim),
        };
    }

    private static DateTimeOffset? Released(StoredAlert stored, DateTimeOffset? heldClaim) =>
        stored.PostingUntil == heldClaim ? null : stored.PostingUntil;

    /// <summary>The first acknowledgement wins; acknowledging a resolved alert records who did it but keeps it resolved.</summary>
    public static StoredAlert? Acknowledge(StoredAlert stored, string by, DateTimeOffset at)
    {
        if (stored.AcknowledgedAt is not null)
        {
            return null;
        }

        return stored with
        {
            Status = stored.Status == AlertStatus.Open ? AlertStatus.Acknowledged : stored.Status,
            AcknowledgedBy = by,
            AcknowledgedAt = at,
        };
    }

    public static StoredAlert? Resolve(StoredAlert stored, string by, DateTimeOffset at)
    {
        if (stored.ResolvedAt is not null)
        {
            return null;
        }

        return stored with { Status = AlertStatus.Resolved, ResolvedBy = by, ResolvedAt = at };
    }
}
