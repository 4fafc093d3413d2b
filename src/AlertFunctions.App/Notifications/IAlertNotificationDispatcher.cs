namespace AlertFunctions.App.Notifications;

/// <summary>Posts alert notifications to Microsoft Teams and records whether each post succeeded.</summary>
public interface IAlertNotificationDispatcher
{
    /// <summary>
    /// Sends the notification one queue message asks for. Throwing makes the queue deliver the message again (up to
    /// host.json maxDequeueCount, then the poison queue); a Teams outage should instead be recorded as a failed post, which
    /// <see cref="DispatchPendingAsync"/> retries.
    /// </summary>
    Task DispatchAsync(string messageJson, CancellationToken cancellationToken);

    /// <summary>Retries every notification whose Teams post has not succeeded yet; returns how many were sent.</summary>
    Task<int> DispatchPendingAsync(CancellationToken cancellationToken);
}
