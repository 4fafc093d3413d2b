using Azure.Messaging.EventHubs.Producer;

namespace AlertFunctions.Cli.Send;

/// <summary>The real producer: an <see cref="EventHubProducerClient"/>, which owns the AMQP connection and its retry policy.</summary>
internal sealed class EventHubBatchProducer(EventHubProducerClient client) : IEventBatchProducer
{
    public ValueTask<EventDataBatch> CreateBatchAsync(CreateBatchOptions options, CancellationToken cancellationToken) =>
        client.CreateBatchAsync(options, cancellationToken);

    public Task SendAsync(EventDataBatch batch, CancellationToken cancellationToken) =>
        client.SendAsync(batch, cancellationToken);

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
