using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.Notifications;
using AlertFunctions.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertFunctions.App.Notifications;

/// <summary>
/// Posts alerts to Teams from the outbox kept on each alert row. Idempotent: an alert already posted at its current severity
/// (or higher) is not posted again, and a deliverer claims the post on the row (ETag-guarded) before calling Teams, so a
/// duplicate queue message, a replayed batch or the sweep arriving while a post is in flight never posts twice. A failed
/// post is recorded with a back-off and the call returns normally: the sweep retries it, so nothing is lost while Teams is down.
/// </summary>
internal sealed partial class AlertNotificationDispatcher(
    AlertTableStore alerts,
    ITeamsNotifier teams,
    IOptions<TeamsOptions> teamsOptions,
    TimeProvider timeProvider,
    ILogger<AlertNotificationDispatcher> logger) : IAlertNotificationDispatcher
{
    /// <summary>How many owed notifications one sweep takes on; at Teams' 4 posts per second that is about 13 s of posting.</summary>
    public const int SweepBatchSize = 50;

    public async Task DispatchAsync(string messageJson, CancellationToken cancellationToken)
    {
        // A body that is not a notification message throws: after maxDequeueCount it rests in the poison queue for inspection.
        var message = NotificationMessage.Parse(messageJson);
        await DeliverAsync(message.AlertId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var owed = await alerts.ListPendingNotificationsAsync(timeProvider.GetUtcNow(), SweepBatchSize, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        var failed = 0;
        foreach (var stored in owed)
        {
            switch (await DeliverAsync(stored.Alert.AlertId, cancellationToken).ConfigureAwait(false))
            {
                case DeliveryOutcome.Delivered:
                    delivered++;
                    break;
                case DeliveryOutcome.Failed:
                    failed++;
                    break;
                case DeliveryOutcome.TeamsUnavailable:
                    // Teams did not answer, throttled or failed on its side, each after the whole retry pipeline: the other owed
                    // posts would wait out the same timeouts (up to 50 × Teams:TotalTimeout, far past the host's functionTimeout).
                    // They keep their due times and the next sweep tries again.
                    failed++;
                    LogSweepStopped(owed.Count - delivered - failed);
                    LogSweep(LogLevel.Warning, owed.Count, delivered, failed, moreWaiting: true);
                    return delivered;
            }
        }

        LogSweep(failed > 0 ? LogLevel.Warning : LogLevel.Information, owed.Count, delivered, failed, owed.Count == SweepBatchSize);

        return delivered;
    }

    private async Task<DeliveryOutcome> DeliverAsync(string alertId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var claim = await alerts.ClaimPostAsync(alertId, now, now + ClaimLength, cancellationToken).ConfigureAwait(false);
        switch (claim.Outcome)
        {
            case PostClaimOutcome.Missing:
                LogAlertMissing(alertId);
                return DeliveryOutcome.NotPosted;
            case PostClaimOutcome.NotOwed:
                LogAlreadyDelivered(alertId, claim.Alert!.NotifiedSeverity?.ToName() ?? "none");
                return DeliveryOutcome.NotPosted;
            case PostClaimOutcome.HeldByAnother:
                LogPostInFlight(alertId, claim.Alert!.PostingUntil!.Value);
                return DeliveryOutcome.NotPosted;
        }

        var stored = claim.Alert!;
        var alert = stored.Alert;
        var result = await teams.NotifyAsync(alert, cancellationToken).ConfigureAwait(false);
        if (result.Delivered)
        {
            await alerts.MarkDeliveredAsync(alert.AlertId, alert.Severity, stored.PostingUntil, cancellationToken).ConfigureAwait(false);
            return DeliveryOutcome.Delivered;
        }

        var attempt = stored.NotificationAttempts + 1;
        var nextAttemptAt = timeProvider.GetUtcNow() + NotificationTiming.RetryDelay(attempt);
        var error = result.Error ?? $"Teams did not accept the post (status {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).";
        await alerts.MarkDeliveryFailedAsync(alert.AlertId, error, nextAttemptAt, stored.PostingUntil, cancellationToken).ConfigureAwait(false);
        LogDeliveryFailed(alert.AlertId, attempt, nextAttemptAt, error);
        return result.StatusCode is null or 429 or >= 500 ? DeliveryOutcome.TeamsUnavailable : DeliveryOutcome.Failed;
    }

    // Longer than any post can take (the Teams pipeline gives up after its total timeout), so a claim only runs out when its
    // holder died; then the sweep posts.
    private TimeSpan ClaimLength => teamsOptions.Value.TotalTimeout + TimeSpan.FromMinutes(1);

    private enum DeliveryOutcome
    {
        Delivered,
        NotPosted,
        Failed,
        TeamsUnavailable,
    }

    [LoggerMessage(EventId = 4225, Level = LogLevel.Warning,
        Message = "Notification sweep stopped: Teams is not accepting posts; {LeftCount} owed notifications wait for the next sweep")]
    private partial void LogSweepStopped(int leftCount);

    [LoggerMessage(EventId = 4220, Level = LogLevel.Warning,
        Message = "Notification for alert {AlertId} dropped: there is no such alert")]
    private partial void LogAlertMissing(string alertId);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Information,
        Message = "Alert {AlertId} was already posted to Teams at severity {NotifiedSeverity}; not posting again")]
    private partial void LogAlreadyDelivered(string alertId, string notifiedSeverity);

    [LoggerMessage(EventId = 4224, Level = LogLevel.Information,
        Message = "Alert {AlertId} is being posted to Teams by another delivery (its claim runs until {PostingUntil:o}); not posting it twice")]
    private partial void LogPostInFlight(string alertId, DateTimeOffset postingUntil);

    [LoggerMessage(EventId = 4222, Level = LogLevel.Warning,
        Message = "Alert {AlertId} not posted to Teams (attempt {Attempt}): {Error}; the sweep retries at {NextAttemptAt:o}")]
    private partial void LogDeliveryFailed(string alertId, int attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(EventId = 4223,
        Message = "Notification sweep: {OwedCount} owed and due, {DeliveredCount} posted, {FailedCount} remain undelivered (more waiting beyond this sweep: {MoreWaiting})")]
    private partial void LogSweep(LogLevel level, int owedCount, int deliveredCount, int failedCount, bool moreWaiting);
}
