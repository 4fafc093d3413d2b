using Azure.Identity;
using Azure.Messaging.EventHubs.Producer;

namespace AlertFunctions.Cli.Send;

/// <summary>
/// Builds an <see cref="EventHubProducerClient"/>: with Microsoft Entra ID through <see cref="DefaultAzureCredential"/>
/// (environment, workload or managed identity, Azure CLI, ...) for a namespace, or with a SAS connection string.
/// Nothing connects until the first batch is created.
/// </summary>
internal sealed class EventHubProducerFactory : IEventProducerFactory
{
    public IEventBatchProducer Create(EventHubTarget target)
    {
        EventHubProducerClient client;
        if (target.ConnectionString is null)
        {
            client = new EventHubProducerClient(target.FullyQualifiedNamespace, target.EventHubName, new DefaultAzureCredential());
        }
        else if (target.EventHubNameFromConnectionString)
        {
            client = new EventHubProducerClient(target.ConnectionString);
        }
        else
        {
            client = new EventHubProducerClient(target.ConnectionString, target.EventHubName);
        }

        return new EventHubBatchProducer(client);
    }
}
