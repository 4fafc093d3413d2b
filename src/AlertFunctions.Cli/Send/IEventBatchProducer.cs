using Azure.Messaging.EventHubs.Producer;

namespace AlertFunctions.Cli.Send;

/// <summary>
/// The two calls of <see cref="EventHubProducerClient"/> that sending needs. The batching logic depends on this, not on
/// the client, so it can be exercised with real <see cref="EventDataBatch"/> instances but without a namespace.
/// </summary>
internal interface IEventBatchProducer : IAsyncDisposable
{
    ValueTask<EventDataBatch> CreateBatchAsync(CreateBatchOptions options, CancellationToken cancellationToken);

    Task SendAsync(EventDataBatch batch, CancellationToken cancellationToken);
}
