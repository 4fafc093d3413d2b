using AlertFunctions.Cli.Send;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// A stand-in for <see cref="EventHubProducerClient"/>. This machine has no Event Hubs emulator (it needs Docker) and no
/// network to a namespace, so the producer is the one thing replaced; what it hands out is real: every batch is an
/// <see cref="EventDataBatch"/> made by <see cref="EventHubsModelFactory"/>, whose TryAdd refuses an event once the
/// bodies would pass <see cref="MaxBatchBytes"/>, so "batch full" happens exactly as the sender meets it with a real
/// client. Sent batches are recorded with the partition key they were created with. Failures can be injected.
/// </summary>
internal sealed class RecordingProducer(long maxBatchBytes) : IEventBatchProducer
{
    private readonly Dictionary<EventDataBatch, (string? PartitionKey, List<EventData> Store)> _created = new(ReferenceEqualityComparer.Instance);
    private int _sendAttempts;

    public long MaxBatchBytes { get; } = maxBatchBytes;

    public List<SentBatch> Sent { get; } = [];

    public int BatchesCreated => _created.Count;

    public bool Disposed { get; private set; }

    /// <summary>Given the 1-based number of a send attempt, the exception that attempt throws (null: it succeeds).</summary>
    public Func<int, Exception?> FailSend { get; init; } = _ => null;

    /// <summary>Thrown by every CreateBatchAsync when set (as a wrong key or a missing hub would).</summary>
    public Exception? FailCreate { get; init; }

    public ValueTask<EventDataBatch> CreateBatchAsync(CreateBatchOptions options, CancellationToken cancellationToken)
    {
        if (FailCreate is not null)
        {
            throw FailCreate;
        }

        var store = new List<EventData>();
        long used = 0;
        var batch = EventHubsModelFactory.EventDataBatch(
            batchSizeBytes: 0,
            store,
            new CreateBatchOptions { PartitionKey = options.PartitionKey, MaximumSizeInBytes = MaxBatchBytes },
            tryAddCallback: data =>
            {
                var size = data.EventBody.ToMemory().Length;
                if (used + size > MaxBatchBytes)
                {
                    return false;
                }

                used += size;
                return true;
            });
        _created.Add(batch, (options.PartitionKey, store));
        return ValueTask.FromResult(batch);
    }

    public Task SendAsync(EventDataBatch batch, CancellationToken cancellationToken)
    {
        if (FailSend(++_sendAttempts) is { } failure)
        {
            throw failure;
        }

        var (partitionKey, store) = _created[batch];
        Sent.Add(new SentBatch(partitionKey, batch.Count, store.Select(e => e.EventBody.ToString()).ToList(), store.Select(e => e.MessageId).ToList(), store.Select(e => e.ContentType).ToList()));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
