using System.Threading.Channels;
using AlertFunctions.Cli.Validation;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Send;

/// <summary>
/// Validates a JSON-lines stream line by line with the receiver's parser and hands each valid event to the
/// <see cref="PartitionedBatchSender"/>; invalid lines go to the rejection callback and are never sent. Reading and
/// parsing run on their own thread (the line reader is synchronous), joined to the asynchronous sender by a small
/// bounded queue, so memory stays bounded on any file size. Callbacks run on the caller's flow, never on the reading
/// thread, so a console can be written from them.
/// </summary>
internal sealed class EventFileSender(EventLineChecker checker, PartitionedBatchSender sender)
{
    private const int LinesInFlight = 4096;

    public async Task<SendReport> SendAsync(Stream input, Action<long, EventRejection> onRejected, Action<long>? onProgress, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<CheckedLine>(new BoundedChannelOptions(LinesInFlight) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Factory.StartNew(() => Read(input, queue.Writer, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        long valid = 0, rejected = 0;
        try
        {
            await foreach (var line in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (line.Event is { } outgoing)
                {
                    valid++;
                    await sender.AddAsync(outgoing, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    rejected++;
                    onRejected(line.LineNumber, line.Rejection!);
                }

                if ((valid + rejected) % 1024 == 0)
                {
                    onProgress?.Invoke(line.BytesRead);
                }
            }

            // A read error surfaces here, before the open batches are flushed.
            await reading.ConfigureAwait(false);
            await sender.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // If the sending side stops early, the reading thread must not wait forever on a full queue.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(reading).ConfigureAwait(false);
        }

        onProgress?.Invoke(input.CanSeek ? input.Length : 0);
        return new SendReport(valid + rejected, valid, rejected, sender.Sent, sender.Failed, sender.Skipped, sender.BatchesSent, sender.Failures);
    }

    private void Read(Stream input, ChannelWriter<CheckedLine> queue, CancellationToken cancellationToken)
    {
        try
        {
            checker.CheckAll(input, (long lineNumber, ReadOnlySpan<byte> line, in ParseResult result, long bytesRead) =>
            {
                var checkedLine = result.IsValid
                    ? new CheckedLine(lineNumber, new OutgoingEvent(lineNumber, result.Value.Platform, result.Value.EventId, line.ToArray()), null, bytesRead)
                    : new CheckedLine(lineNumber, null, result.Rejection, bytesRead);
                while (!queue.TryWrite(checkedLine))
                {
                    if (!queue.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                    {
                        return;
                    }
                }
            });
        }
        finally
        {
            queue.TryComplete();
        }
    }
}
