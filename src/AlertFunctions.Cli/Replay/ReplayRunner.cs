using System.Diagnostics;
using System.Threading.Channels;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Reads JSON lines, validates each against the contract, puts accepted events into event-time order and runs the
/// detection engine over them. Reading and parsing run on one thread and ordering and detection on another, joined by a
/// small bounded queue of recycled blocks, so a two-core machine keeps both busy; the result is identical to a sequential
/// run because blocks keep their order. Rejected lines go to the rejection callback (on the parsing thread) with their
/// reason and raw bytes. Memory is bounded by the engine's active keys, the orderer's lateness window and the queue, not
/// by the input's length.
/// </summary>
internal sealed class ReplayRunner(ReplaySettings settings, TimeProvider clock)
{
    // Small blocks, few in flight: every event waiting in a block is live when a gen-0 collection runs, and promoting its
    // strings is most of what collections cost here (measured: 512 x 4 replays about a quarter faster than 2048 x 8).
    private const int BlockSize = 512;
    private const int BlocksInFlight = 4;

    public ReplayResult Run(Stream input, Action<Rejection> onRejected, Action<long>? onProgress = null, AlertCollector? collector = null)
    {
        var stopwatch = Stopwatch.StartNew();
        collector ??= new AlertCollector();
        var engine = new DetectionEngine(settings.Rules, settings.Watchlist);
        var full = Channel.CreateBounded<ParsedBatch>(new BoundedChannelOptions(BlocksInFlight) { SingleReader = true, SingleWriter = true });
        var empty = Channel.CreateUnbounded<ParsedBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < BlocksInFlight + 2; i++)
        {
            empty.Writer.TryWrite(new ParsedBatch(BlockSize));
        }

        var parsing = Task.Factory.StartNew(
            () => Parse(input, onRejected, onProgress, full.Writer, empty.Reader),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var detector = new OrderedDetection(engine, collector, settings.Rules.AllowedLateness);
        while (full.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (full.Reader.TryRead(out var batch))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    detector.Add(batch.Events[i]);
                }

                Array.Clear(batch.Events, 0, batch.Count);
                batch.Count = 0;
                empty.Writer.TryWrite(batch);
            }
        }

        var parsed = parsing.GetAwaiter().GetResult();
        detector.Flush();
        stopwatch.Stop();
        return new ReplayResult(parsed.Lines, parsed.Accepted, parsed.Rejected, parsed.RejectedByReason, engine.Counters, collector.Alerts, collector.Notifications, stopwatch.Elapsed, parsed.BytesRead);
    }

    private ParseTotals Parse(Stream input, Action<Rejection> onRejected, Action<long>? onProgress, ChannelWriter<ParsedBatch> full, ChannelReader<ParsedBatch> empty)
    {
        var parser = new WithdrawalEventParser(new ParserOptions(), clock);
        var totals = new ParseTotals();
        var reader = new JsonLinesReader(input);
        ParsedBatch? current = null;
        try
        {
            reader.ReadAll((line, lineNumber, truncated) =>
            {
                // Blank lines separate events; they are not events and are not counted.
                if (line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
                {
                    return;
                }

                totals.Lines++;
                var result = truncated
                    ? ParseResult.Invalid(RejectionReason.BodyTooLarge, $"line is longer than {reader.MaxLineBytes} bytes")
                    : parser.Parse(line);
                if (result.IsValid)
                {
                    totals.Accepted++;
                    current ??= Take(empty);
                    current.Events[current.Count++] = result.Value;
                    if (current.Count == BlockSize)
                    {
                        Hand(full, current);
                        current = null;
                    }
                }
                else
                {
                    totals.Rejected++;
                    var code = result.Rejection!.Code;
                    totals.RejectedByReason[code] = totals.RejectedByReason.GetValueOrDefault(code) + 1;
                    onRejected(new Rejection(lineNumber, result.Rejection, line.ToArray()));
                }

                if ((totals.Lines & 0x3FFF) == 0)
                {
                    onProgress?.Invoke(reader.BytesRead);
                }
            });

            if (current is { Count: > 0 })
            {
                Hand(full, current);
            }

            onProgress?.Invoke(reader.BytesRead);
            totals.BytesRead = reader.BytesRead;
            return totals;
        }
        finally
        {
            full.Complete();
        }
    }

    private static ParsedBatch Take(ChannelReader<ParsedBatch> empty)
    {
        ParsedBatch? batch;
        while (!empty.TryRead(out batch))
        {
            empty.WaitToReadAsync().AsTask().GetAwaiter().GetResult();
        }

        return batch;
    }

    private static void Hand(ChannelWriter<ParsedBatch> full, ParsedBatch batch) =>
        full.WriteAsync(batch).AsTask().GetAwaiter().GetResult();

    private sealed class ParseTotals
    {
        public long Lines { get; set; }

        public long Accepted { get; set; }

        public long Rejected { get; set; }

        public long BytesRead { get; set; }

        public Dictionary<string, long> RejectedByReason { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The detecting side: orders events within the allowed lateness and feeds them to the engine.</summary>
    private sealed class OrderedDetection(DetectionEngine engine, IAlertSink sink, TimeSpan lateness) : IEventSink
    {
        private readonly EventTimeOrderer _orderer = new(lateness);

        public void Add(in WithdrawalEvent e) => _orderer.Add(e, this);

        public void Flush() => _orderer.Flush(this);

        public void Process(in WithdrawalEvent e) => engine.Process(e, sink);
    }
}
