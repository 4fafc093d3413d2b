using Azure.Messaging.EventHubs;
using AlertFunctions.App.Ingestion;
using Google.Protobuf.Collections;

namespace AlertFunctions.App.Tests.Ingestion;

public sealed class EventHubBatchMetadataReaderTests
{
    private static readonly DateTimeOffset FirstEnqueued = new(2025, 3, 1, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Read_BindingDataAsTheHostSendsIt_BuildsTheBatchInOrder()
    {
        var events = Events(3);

        var batch = EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), HostBindingData.For(events, "7"));

        Assert.Equal("7", batch.PartitionId);
        Assert.Equal(
            [
                new IngestMessage(0, """{"eventId":"e-0"}""", 500, FirstEnqueued),
                new IngestMessage(1, """{"eventId":"e-1"}""", 501, FirstEnqueued.AddSeconds(1)),
                new IngestMessage(2, """{"eventId":"e-2"}""", 502, FirstEnqueued.AddSeconds(2)),
            ],
            batch.Messages);
        Assert.All(batch.Messages, message => Assert.Equal(TimeSpan.Zero, message.EnqueuedTime!.Value.Offset));
    }

    [Fact]
    public void Read_EmptyBatch_ReturnsNoMessages()
    {
        var batch = EventHubBatchMetadataReader.Read([], HostBindingData.For([], "0"));

        Assert.Equal("0", batch.PartitionId);
        Assert.Empty(batch.Messages);
    }

    [Fact]
    public void Read_KeysInAnotherCaseInACaseSensitiveDictionary_ReadsThem()
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "2")
            .ToDictionary(pair => char.ToLowerInvariant(pair.Key[0]) + pair.Key[1..], pair => pair.Value, StringComparer.Ordinal);

        var batch = EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData);

        Assert.Equal("2", batch.PartitionId);
        Assert.Equal(500, batch.Messages[0].SequenceNumber);
    }

    [Fact]
    public void Read_SequenceNumbersAsJsonTextAndTimesAsStrings_ReadsThem()
    {
        var bindingData = new Dictionary<string, object?>
        {
            ["PartitionContext"] = HostBindingData.PartitionContextJson("1"),
            ["SequenceNumberArray"] = "[9007199254740993, 4]",
            ["EnqueuedTimeUtcArray"] = new RepeatedField<string> { "2025-03-01T12:00:00+02:00", "2025-03-01T10:00:00Z" },
        };

        var batch = EventHubBatchMetadataReader.Read(["a", "b"], bindingData);

        Assert.Equal([9007199254740993L, 4L], batch.Messages.Select(message => message.SequenceNumber!.Value));
        Assert.Equal(
            [new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero)],
            batch.Messages.Select(message => message.EnqueuedTime!.Value));
    }

    [Theory]
    [InlineData("PartitionContext")]
    [InlineData("SequenceNumberArray")]
    [InlineData("EnqueuedTimeUtcArray")]
    public void Read_MissingKey_ThrowsNamingTheKeyAndTheKeysPresent(string key)
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "0");
        bindingData.Remove(key);
        var present = string.Join(", ", bindingData.Keys.Order(StringComparer.Ordinal));

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal(
            $"Event Hubs binding data has no '{key}'; is the trigger batched (IsBatched = true)? Keys present: {present}.",
            error.Message);
    }

    [Fact]
    public void Read_NullValue_IsTreatedAsMissing()
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["SequenceNumberArray"] = null;

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.StartsWith("Event Hubs binding data has no 'SequenceNumberArray';", error.Message);
    }

    [Fact]
    public void Read_NoBindingDataAtAll_SaysNoKeysArePresent()
    {
        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(["x"], new Dictionary<string, object?>()));

        Assert.Equal(
            "Event Hubs binding data has no 'PartitionContext'; is the trigger batched (IsBatched = true)? Keys present: none.",
            error.Message);
    }

    [Fact]
    public void Read_FewerSequenceNumbersThanEvents_ThrowsLengthMismatch()
    {
        var events = Events(3);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["SequenceNumberArray"] = new RepeatedField<long> { 500, 501 };

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal("Event Hubs binding data 'SequenceNumberArray' has 2 entries but the batch has 3 events.", error.Message);
    }

    [Fact]
    public void Read_MoreEnqueuedTimesThanEvents_ThrowsLengthMismatch()
    {
        var events = Events(2);
        var bindingData = HostBindingData.For(Events(3), "0");
        bindingData["SequenceNumberArray"] = new RepeatedField<long> { 1, 2 };

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal("Event Hubs binding data 'EnqueuedTimeUtcArray' has 3 entries but the batch has 2 events.", error.Message);
    }

    [Fact]
    public void Read_PartitionContextWithoutPartitionId_Throws()
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["PartitionContext"] = """{"EventHubName":"withdrawals","PartitionId":null}""";

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal("Event Hubs binding data 'PartitionContext' has no non-empty string property PartitionId.", error.Message);
    }

    [Fact]
    public void Read_PartitionContextNotJson_ThrowsWithTheParserError()
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["PartitionContext"] = "Azure.Messaging.EventHubs.Consumer.PartitionContext";

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.StartsWith("Event Hubs binding data 'PartitionContext' is not valid JSON: ", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void Read_PartitionContextIsAJsonArray_Throws()
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["PartitionContext"] = "[]";

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal("Event Hubs binding data 'PartitionContext' is JSON Array, expected an object with PartitionId.", error.Message);
    }

    [Fact]
    public void Read_EnqueuedTimeUnparsable_ThrowsNamingTheEntry()
    {
        var events = Events(2);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["EnqueuedTimeUtcArray"] = """["2025-03-01T10:00:00","yesterday"]""";

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal("Event Hubs binding data 'EnqueuedTimeUtcArray' entry 1 ('yesterday') is not a date and time.", error.Message);
    }

    [Fact]
    public void Read_SequenceNumberNotAnInteger_ThrowsNamingTheEntry()
    {
        var events = Events(2);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["SequenceNumberArray"] = """[1, 2.5]""";

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal("Event Hubs binding data 'SequenceNumberArray' entry 1 (2.5) is not a 64-bit integer.", error.Message);
    }

    [Fact]
    public void Read_SequenceNumbersJsonObject_ThrowsExpectedArray()
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["SequenceNumberArray"] = """{"0":1}""";

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal("Event Hubs binding data 'SequenceNumberArray' is JSON Object, expected an array.", error.Message);
    }

    [Fact]
    public void Read_SequenceNumbersOfAnUnexpectedType_ThrowsNamingTheType()
    {
        var events = Events(1);
        var bindingData = HostBindingData.For(events, "0");
        bindingData["SequenceNumberArray"] = new[] { 1.0 };

        var error = Assert.Throws<EventHubBindingDataException>(
            () => EventHubBatchMetadataReader.Read(HostBindingData.Bodies(events), bindingData));

        Assert.Equal(
            "Event Hubs binding data 'SequenceNumberArray' is a System.Double[], expected a collection of 64-bit integers.",
            error.Message);
    }

    private static List<EventData> Events(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => EventHubsModelFactory.EventData(
            new BinaryData($$"""{"eventId":"e-{{i}}"}"""),
            partitionKey: "exchange-a",
            sequenceNumber: 500 + i,
            offsetString: (4096 + (i * 64)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            enqueuedTime: FirstEnqueued.AddSeconds(i))),
    ];
}
