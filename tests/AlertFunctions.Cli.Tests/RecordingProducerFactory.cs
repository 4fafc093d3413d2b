using AlertFunctions.Cli.Send;

namespace AlertFunctions.Cli.Tests;

/// <summary>Hands the send command a <see cref="RecordingProducer"/> and remembers the target it was asked for.</summary>
internal sealed class RecordingProducerFactory : IEventProducerFactory
{
    public RecordingProducer Producer { get; set; } = new(maxBatchBytes: 1024 * 1024);

    public EventHubTarget? Target { get; private set; }

    /// <summary>Thrown by Create when set (as the Event Hubs client throws for a connection string it refuses).</summary>
    public Exception? FailCreate { get; set; }

    public IEventBatchProducer Create(EventHubTarget target)
    {
        Target = target;
        return FailCreate is null ? Producer : throw FailCreate;
    }
}
