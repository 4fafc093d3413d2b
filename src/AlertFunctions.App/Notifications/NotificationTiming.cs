namespace AlertFunctions.App.Notifications;

/// <summary>When the sweep may post a notification the queue-triggered delivery has not.</summary>
public static class NotificationTiming
{
    /// <summary>
    /// How long a freshly pending notification is left to the queue. Within it the queue path has posted, recorded a failure or
    /// given up to the poison queue: it polls at least every 5 s, retries 5 times 30 s apart, and one Teams post takes at most
    /// a minute. Without the grace the sweep and the queue trigger could post the same alert at the same moment.
    /// </summary>
    public static readonly TimeSpan QueueGrace = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>A Teams outage of hours still gets a retry every half hour; longer gaps would delay the first alert after it.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    /// <summary>The back-off after the <paramref name="failedAttempts"/>-th attempt failed: 1, 2, 4, 8, 16, then 30 minutes.</summary>
    public static TimeSpan RetryDelay(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);
        var doublings = Math.Min(failedAttempts - 1, 10);
        var delay = FirstRetryDelay * (1L << doublings);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
