namespace AlertFunctions.Cli.Send;

/// <summary>Creates the producer for a resolved target; replaced in tests, where no Event Hubs namespace is reachable.</summary>
internal interface IEventProducerFactory
{
    /// <exception cref="ArgumentException">The connection string is not one the Event Hubs client accepts.</exception>
    IEventBatchProducer Create(EventHubTarget target);
}
