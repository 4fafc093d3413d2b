using Azure.Messaging.EventHubs.Producer;

namespace AlertFunctions.Cli.Send;

/// <summary>
/// Publishes events with the documented partition-key convention: an event's platform is its partition key, so all of a
/// platform's events land on one partition, in file order, and one Functions instance holds that platform's windows.
/// One batch is open per key (created with <see cref="CreateBatchOptions.PartitionKey"/>); events are added until the
/// batch is full, then it is sent and a new one opened. Memory is one batch per platform, whatever the file's length.
/// After the first failed create or send nothing more is attempted: the client's retry policy has already retried
/// transient faults, so what surfaces (credentials, a missing hub, the network) would fail every later batch too.
/// The remaining events are counted as <see cref="Skipped"/>. Counts always add up: added = sent + failed + skipped.
/// </summary>
internal sealed class PartitionedBatchSender(IEventBatchProducer producer) : IAsyncDisposable
{
    private readonly Dictionary<string, OpenBatch> _open = new(StringComparer.Ordinal);
    private readonly List<SendFailure> _failures = [];

    public long Sent { get; private set; }

    /// <summary>Events in failed batches, and events too large for a batch.</summary>
    public long Failed { get; private set; }

    /// <summary>Events not attempted because an earlier batch failed.</summary>
    public long Skipped { get; private set; }

    public int BatchesSent { get; private set; }

    public bool Faulted { get; private set; }

    public IReadOnlyList<SendFailure> Failures => _failures;

    public async Task AddAsync(OutgoingEvent outgoing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var data = outgoing.ToEventData();
        var open = await OpenBatchAsync(outgoing, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            return;
        }

        if (open.Batch.TryAdd(data))
        {
            open.Track(outgoing.LineNumber);
            return;
        }

        if (open.Count > 0)
        {
            // Full: send what it holds and start the next batch for this key with the event that did not fit.
            await SendAsync(open, cancellationToken).ConfigureAwait(false);
            open = await OpenBatchAsync(outgoing, cancellationToken).ConfigureAwait(false);
            if (open is null)
            {
                return;
            }

            if (open.Batch.TryAdd(data))
            {
                open.Track(outgoing.LineNumber);
                return;
            }
        }

        Failed++;
        _failures.Add(new SendFailure(outgoing.PartitionKey, outgoing.LineNumber, outgoing.LineNumber, 1,
            $"the event ({outgoing.Body.Length} bytes) is larger than a batch may be ({open.Batch.MaximumSizeInBytes} bytes)", Error: null));
    }

    /// <summary>Sends every batch still open. Call once, after the last <see cref="AddAsync"/>.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var open in _open.Values.ToList())
        {
            if (open.Count > 0)
            {
                await SendAsync(open, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _open.Remove(open.PartitionKey);
                open.Batch.Dispose();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var open in _open.Values)
        {
            open.Batch.Dispose();
        }

        _open.Clear();
        return ValueTask.CompletedTask;
    }

    private async Task<OpenBatch?> OpenBatchAsync(OutgoingEvent outgoing, CancellationToken cancellationToken)
    {
        if (!Faulted && _open.TryGetValue(outgoing.PartitionKey, out var existing))
        {
            return existing;
        }

        if (Faulted)
        {
            Skipped++;
            return null;
        }

        try
        {
            var batch = await producer.CreateBatchAsync(new CreateBatchOptions { PartitionKey = outgoing.PartitionKey }, cancellationToken).ConfigureAwait(false);
            var open = new OpenBatch(outgoing.PartitionKey, batch);
            _open.Add(outgoing.PartitionKey, open);
            return open;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not swallowed: the failure, with its exception, is reported by the caller through Failures.
            Fault(new SendFailure(outgoing.PartitionKey, outgoing.LineNumber, outgoing.LineNumber, 1, "could not create a batch", ex));
            Failed++;
            return null;
        }
    }

    private async Task SendAsync(OpenBatch open, CancellationToken cancellationToken)
    {
        _open.Remove(open.PartitionKey);
        using var batch = open.Batch;
        try
        {
            await producer.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            Sent += open.Count;
            BatchesSent++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fault(new SendFailure(open.PartitionKey, open.FirstLine, open.LastLine, open.Count, "the batch was not sent", ex));
            Failed += open.Count;
        }
    }

    private void Fault(SendFailure failure)
    {
        _failures.Add(failure);
        Faulted = true;

        // The other open batches will never be sent: their events become skipped now, so the counts add up at any time.
        foreach (var other in _open.Values)
        {
            Skipped += other.Count;
            other.Batch.Dispose();
        }

        _open.Clear();
    }

    private sealed class OpenBatch(string partitionKey, EventDataBatch batch)
    {
        public string PartitionKey { get; } = partitionKey;

        public EventDataBatch Batch { get; } = batch;

        public int Count { get; private set; }

        public long FirstLine { get; private set; }

        public long LastLine { get; private set; }

        public void Track(long lineNumber)
        {
            if (Count++ == 0)
            {
                FirstLine = lineNumber;
            }

            LastLine = lineNumber;
        }
    }
}
