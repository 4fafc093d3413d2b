using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Notifications;

/// <summary>Posts one alert to Teams as soon as ingestion queues it.</summary>
public sealed class NotifyFunction(IAlertNotificationDispatcher dispatcher, ILogger<NotifyFunction> logger)
{
    public const string Name = "Notify";

    [Function(Name)]
    public async Task RunAsync(
        [QueueTrigger(NotificationQueueBinding.Name, Connection = NotificationQueueBinding.Connection)] string message,
        CancellationToken cancellationToken)
    {
        logger.LogInformation("Dispatching a notification of {MessageLength} characters", message.Length);
        await dispatcher.DispatchAsync(message, cancellationToken);
    }
}
