using Azure.Messaging.EventHubs;

namespace AlertFunctions.Cli.Send;

/// <summary>A validated event on its way out: the original line as the body (unknown fields included), keyed by its platform.</summary>
internal sealed record OutgoingEvent(long LineNumber, string PartitionKey, string EventId, ReadOnlyMemory<byte> Body)
{
    public EventData ToEventData() => new(BinaryData.FromBytes(Body))
    {
        ContentType = "application/json",
        MessageId = EventId,
    };
}
