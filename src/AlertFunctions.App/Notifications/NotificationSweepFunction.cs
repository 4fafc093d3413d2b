using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Notifications;

/// <summary>Every five minutes, re-sends the notifications whose Teams post failed, so a Teams outage loses no alert.</summary>
public sealed class NotificationSweepFunction(IAlertNotificationDispatcher dispatcher, ILogger<NotificationSweepFunction> logger)
{
    public const string Name = "NotificationSweep";
    public const string Schedule = "0 */5 * * * *";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var sent = await dispatcher.DispatchPendingAsync(cancellationToken);
        logger.LogInformation("Notification sweep re-sent {SentCount} notifications (past due: {IsPastDue})", sent, timer.IsPastDue);
    }
}
