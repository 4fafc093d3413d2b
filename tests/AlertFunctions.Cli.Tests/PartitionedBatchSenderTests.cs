using System.Text;
using AlertFunctions.Cli.Send;
using Azure.Messaging.EventHubs;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The batching logic over <see cref="RecordingProducer"/>: no Event Hubs emulator exists for this machine, so the
/// producer is a test double, but the batches it creates are real <see cref="Azure.Messaging.EventHubs.Producer.EventDataBatch"/>
/// instances from <see cref="EventHubsModelFactory"/> with a size limit, so "batch full" is the SDK's own TryAdd refusing.
/// </summary>
public sealed class PartitionedBatchSenderTests
{
    private static OutgoingEvent Event(long line, string platform, int bodyBytes = 100)
    {
        var prefix = $"{{\"line\":{line},\"platform\":\"{platform}\",\"pad\":\"";
        var body = prefix + new string('x', Math.Max(0, bodyBytes - prefix.Length - 2)) + "\"}";
        return new OutgoingEvent(line, platform, $"evt-{line}", Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public async Task AddAsync_EventsOfSeveralPlatforms_OneBatchPerPlatformWithItsPartitionKey()
    {
        var producer = new RecordingProducer(maxBatchBytes: 10_000);
        await using var sender = new PartitionedBatchSender(producer);

        foreach (var (line, platform) in new[] { (1L, "north"), (2L, "tail"), (3L, "north"), (4L, "contoso"), (5L, "tail"), (6L, "north") })
        {
            await sender.AddAsync(Event(line, platform), CancellationToken.None);
        }

        await sender.FlushAsync(CancellationToken.None);

        Assert.Equal(3, producer.Sent.Count);
        Assert.Equal(["contoso", "north", "tail"], producer.Sent.Select(b => b.PartitionKey!).Order(StringComparer.Ordinal));
        Assert.Equal([1, 3, 6], LinesOf(producer.Sent.Single(b => b.PartitionKey == "north")));
        Assert.Equal([2, 5], LinesOf(producer.Sent.Single(b => b.PartitionKey == "tail")));
        Assert.Equal([4], LinesOf(producer.Sent.Single(b => b.PartitionKey == "contoso")));
        Assert.Equal(6, sender.Sent);
        Assert.Equal(3, sender.BatchesSent);
        Assert.Equal((0, 0), (sender.Failed, sender.Skipped));
    }

    [Fact]
    public async Task AddAsync_MoreThanABatchHolds_SendsFullBatchesInOrderAndSplitsTheRest()
    {
        // 1,000-byte limit, 300-byte events: three fit, the fourth does not.
        var producer = new RecordingProducer(maxBatchBytes: 1_000);
        await using var sender = new PartitionedBatchSender(producer);

        for (var line = 1L; line <= 10; line++)
        {
            await sender.AddAsync(Event(line, "north", bodyBytes: 300), CancellationToken.None);
        }

        Assert.Equal(3, producer.Sent.Count);
        await sender.FlushAsync(CancellationToken.None);

        Assert.Equal([3, 3, 3, 1], producer.Sent.Select(b => b.Count));
        Assert.All(producer.Sent, b => Assert.Equal("north", b.PartitionKey));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), producer.Sent.SelectMany(LinesOf));
        Assert.Equal(10, sender.Sent);
        Assert.Equal(4, sender.BatchesSent);
        Assert.Equal(4, producer.BatchesCreated);
    }

    [Fact]
    public async Task AddAsync_Event_CarriesItsBodyIdAndContentType()
    {
        var producer = new RecordingProducer(maxBatchBytes: 10_000);
        await using var sender = new PartitionedBatchSender(producer);
        var outgoing = Event(7, "north");

        await sender.AddAsync(outgoing, CancellationToken.None);
        await sender.FlushAsync(CancellationToken.None);

        var batch = Assert.Single(producer.Sent);
        Assert.Equal(Encoding.UTF8.GetString(outgoing.Body.Span), Assert.Single(batch.Bodies));
        Assert.Equal("evt-7", Assert.Single(batch.MessageIds));
        Assert.Equal("application/json", Assert.Single(batch.ContentTypes));
    }

    [Fact]
    public async Task AddAsync_EventLargerThanAnyBatch_FailsThatEventOnly()
    {
        var producer = new RecordingProducer(maxBatchBytes: 500);
        await using var sender = new PartitionedBatchSender(producer);

        await sender.AddAsync(Event(1, "north", bodyBytes: 200), CancellationToken.None);
        await sender.AddAsync(Event(2, "north", bodyBytes: 600), CancellationToken.None);
        await sender.AddAsync(Event(3, "north", bodyBytes: 200), CancellationToken.None);
        await sender.FlushAsync(CancellationToken.None);

        Assert.Equal([1, 3], producer.Sent.SelectMany(LinesOf));
        Assert.Equal((2L, 1L, 0L), (sender.Sent, sender.Failed, sender.Skipped));
        var failure = Assert.Single(sender.Failures);
        Assert.Equal((2L, 2L, 1), (failure.FirstLine, failure.LastLine, failure.EventCount));
        Assert.Equal("the event (600 bytes) is larger than a batch may be (500 bytes)", failure.Reason);
        Assert.False(sender.Faulted);
    }

    [Fact]
    public async Task SendAsync_BatchFails_ReportsItsLinesAndAttemptsNothingMore()
    {
        var failure = new EventHubsException(isTransient: false, "hub-x", "The messaging entity could not be found.", EventHubsException.FailureReason.ResourceNotFound);
        var producer = new RecordingProducer(maxBatchBytes: 1_000) { FailSend = attempt => attempt == 2 ? failure : null };
        await using var sender = new PartitionedBatchSender(producer);

        // north fills a batch at line 4 (sent), tail's first batch fails at line 8, the rest is not attempted.
        var lines = new[] { (1L, "north"), (2L, "tail"), (3L, "north"), (4L, "north"), (5L, "north"), (6L, "tail"), (7L, "tail"), (8L, "tail"), (9L, "north"), (10L, "tail") };
        foreach (var (line, platform) in lines)
        {
            await sender.AddAsync(Event(line, platform, bodyBytes: 300), CancellationToken.None);
        }

        await sender.FlushAsync(CancellationToken.None);

        var sent = Assert.Single(producer.Sent);
        Assert.Equal([1, 3, 4], LinesOf(sent));
        var reported = Assert.Single(sender.Failures);
        Assert.Equal(("tail", 2L, 7L, 3), (reported.PartitionKey, reported.FirstLine, reported.LastLine, reported.EventCount));
        Assert.Same(failure, reported.Error);
        Assert.True(sender.Faulted);
        Assert.Equal((3L, 3L, 4L), (sender.Sent, sender.Failed, sender.Skipped));
        Assert.Equal(lines.Length, sender.Sent + sender.Failed + sender.Skipped);
    }

    [Fact]
    public async Task AddAsync_CreateBatchFails_FaultsAndSkipsTheRest()
    {
        var producer = new RecordingProducer(maxBatchBytes: 1_000) { FailCreate = new UnauthorizedAccessException("Unauthorized access. 'Send' claim(s) are required.") };
        await using var sender = new PartitionedBatchSender(producer);

        for (var line = 1L; line <= 4; line++)
        {
            await sender.AddAsync(Event(line, "north"), CancellationToken.None);
        }

        await sender.FlushAsync(CancellationToken.None);

        Assert.Empty(producer.Sent);
        Assert.Equal((0L, 1L, 3L), (sender.Sent, sender.Failed, sender.Skipped));
        Assert.Equal("could not create a batch", Assert.Single(sender.Failures).Reason);
    }

    private static IEnumerable<long> LinesOf(SentBatch batch) =>
        batch.Bodies.Select(body => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("line").GetInt64());
}
