using AlertFunctions.App.Ingestion;
using AlertFunctions.App.Tests.Ingestion;
using Azure.Messaging.EventHubs;

namespace AlertFunctions.Integration.Tests.Events;

/// <summary>
/// Builds the <see cref="IngestBatch"/> the Ingest function would hand the processor: events made with
/// <see cref="EventHubsModelFactory"/>, turned into the host's binding data, read back by the app's own
/// <see cref="EventHubBatchMetadataReader"/>. Sequence numbers continue per partition, as the broker assigns them.
/// </summary>
internal sealed class EventHubBatches(string partitionId, DateTimeOffset firstEnqueued, long firstSequenceNumber = 1000)
{
    private long _nextSequenceNumber = firstSequenceNumber;

    public string PartitionId { get; } = partitionId;

    public IngestBatch Next(IReadOnlyList<string> bodies)
    {
        var events = new List<EventData>(bodies.Count);
        foreach (var body in bodies)
        {
            var sequenceNumber = _nextSequenceNumber++;
            events.Add(EventHubsModelFactory.EventData(
                new BinaryData(body),
                partitionKey: "platform-key",
                sequenceNumber: sequenceNumber,
                offsetString: (sequenceNumber * 512).ToString(System.Globalization.CultureInfo.InvariantCulture),
                enqueuedTime: firstEnqueued.AddMilliseconds(sequenceNumber)));
        }

        return EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), HostBindingData.For(events, PartitionId));
    }
}
