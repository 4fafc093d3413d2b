using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.Tables;
using Azure.Storage.Queues;

namespace AlertFunctions.Storage.Notifications;

/// <summary>
/// The Storage queue (<c>alert-notifications</c>) that hands alerts to the delivery function. Created if missing on first use.
/// Bodies are Base64-encoded by the client from <see cref="AlertStorageClients"/>, the Functions queue trigger's default.
/// </summary>
public sealed class NotificationQueue
{
    private readonly QueueClient _queue;
    private readonly OneTimeSetup _creation;

    public NotificationQueue(QueueServiceClient service, AlertStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _queue = service.GetQueueClient(options.NotificationQueueName);
        _creation = new OneTimeSetup(async ct => await _queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false));
    }

    public string QueueName => _queue.Name;

    public async Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _queue.SendMessageAsync(message.ToJson(), cancellationToken).ConfigureAwait(false);
    }
}
