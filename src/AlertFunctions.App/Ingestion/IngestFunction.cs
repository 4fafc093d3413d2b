using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Ingestion;

/// <summary>Receives withdrawal events from Event Hubs, one partition's batch at a time, and hands them to the processor.</summary>
public sealed class IngestFunction(IIngestBatchProcessor processor, ILogger<IngestFunction> logger)
{
    public const string Name = "Ingest";

    // Event Hubs has no redelivery of its own: a failed batch is checkpointed past and lost unless the function retries it.
    // The isolated worker honours function-level retry for Event Hubs (the attribute below, emitted into the function metadata
    // because the trigger advertises FunctionLevelRetry); host.json has no Event Hubs retry setting. Retries hold the partition,
    // which keeps events in order. The processor throws only when it cannot store (bad events are dead-lettered, never
    // thrown), so retrying forever (-1) is what keeps "nothing lost" through a long storage outage: the partition waits,
    // backing off up to 15 minutes between tries, and resumes where it stopped.
    [Function(Name)]
    [ExponentialBackoffRetry(-1, "00:00:04", "00:15:00")]
    public async Task RunAsync(
        [EventHubTrigger(
            "%EventHubName%",
            Connection = "EventHubConnection",
            ConsumerGroup = "%EventHubConsumerGroup%",
            IsBatched = true)]
        string[] events,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var batch = EventHubBatchMetadataReader.Read(events, context.BindingContext.BindingData);
        var messages = batch.Messages;
        logger.LogInformation(
            "Ingesting {EventCount} events from partition {PartitionId}, sequence numbers {FirstSequenceNumber} to {LastSequenceNumber}",
            messages.Count,
            batch.PartitionId,
            messages.Count > 0 ? messages[0].SequenceNumber : null,
            messages.Count > 0 ? messages[^1].SequenceNumber : null);

        await processor.ProcessAsync(batch, cancellationToken);
    }
}
