using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Storage.Alerts;

/// <summary>An alert as stored: the latest revision the engine emitted, plus notification (outbox) and responder state.</summary>
public sealed record StoredAlert
{
    public required Alert Alert { get; init; }

    public required NotificationState NotificationState { get; init; }

    /// <summary>The highest severity already posted to Teams; null until the first successful delivery.</summary>
    public Severity? NotifiedSeverity { get; init; }

    public int NotificationAttempts { get; init; }
    public string? LastNotificationError { get; init; }

    /// <summary>
    /// When the sweep may (re)try the post: for a failed delivery, after its back-off; for a pending one, after the grace the
    /// writer gave the queue-triggered delivery (null: at once). Null once delivered.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>
    /// Until when one deliverer holds the right to post (claimed before it calls Teams): a duplicate queue message or the
    /// sweep finding the alert meanwhile leaves it alone, so one finding is not posted twice. Cleared when the post is
    /// recorded; a claim whose holder died simply runs out, and the sweep then posts.
    /// </summary>
    public DateTimeOffset? PostingUntil { get; init; }

    public required AlertStatus Status { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The UTC day of the row's partition.</summary>
    public required DateOnly Day { get; init; }
}
