using System.Text.Json;
using Azure.Messaging.EventHubs;
using Google.Protobuf.Collections;

namespace AlertFunctions.App.Tests.Ingestion;

/// <summary>
/// Builds trigger binding data the way the Functions host delivers it to the worker for a batched Event Hubs trigger: the
/// extension's values (PartitionContext object, long[] sequence numbers, DateTime[] enqueued times from
/// EventData.EnqueuedTime.DateTime, string[] offsets) after the host's gRPC conversion (objects and DateTime[] become JSON text,
/// long[] and string[] become protobuf collections), in the worker's case-insensitive dictionary.
/// </summary>
internal static class HostBindingData
{
    public static Dictionary<string, object?> For(IReadOnlyList<EventData> events, string partitionId)
    {
        var sequenceNumbers = new RepeatedField<long>();
        sequenceNumbers.AddRange(events.Select(eventData => eventData.SequenceNumber));
        var offsets = new RepeatedField<string>();
        offsets.AddRange(events.Select(eventData => eventData.OffsetString ?? string.Empty));
        var partitionKeys = new RepeatedField<string>();
        partitionKeys.AddRange(events.Select(eventData => eventData.PartitionKey ?? string.Empty));

        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["PartitionContext"] = PartitionContextJson(partitionId),
            ["SequenceNumberArray"] = sequenceNumbers,
            ["EnqueuedTimeUtcArray"] = JsonSerializer.Serialize(events.Select(eventData => eventData.EnqueuedTime.DateTime).ToArray()),
            ["OffsetArray"] = offsets,
            ["PartitionKeyArray"] = partitionKeys,
            ["PropertiesArray"] = "[" + string.Join(",", events.Select(_ => "{}")) + "]",
        };
    }

    public static string PartitionContextJson(string partitionId) =>
        $$"""{"FullyQualifiedNamespace":"exchange-events.servicebus.windows.net","EventHubName":"withdrawals","ConsumerGroup":"alert-functions","PartitionId":"{{partitionId}}"}""";

    public static string[] Bodies(IEnumerable<EventData> events) => [.. events.Select(eventData => eventData.EventBody.ToString())];
}
