using System.Diagnostics;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Reads JSON lines, validates each against the contract and routes accepted events by platform to detection lanes, each
/// of which puts its platforms' events into event-time order and runs its own engine over them. Reading and routing run
/// on the calling thread, parsing on <see cref="ParseWorkers"/> and each lane on its own, joined by small bounded queues of
/// recycled blocks, so the cores share the work. Platforms share no detection state, parsed blocks are routed in input
/// order, and alerts are merged in the order of the events that raised them, so the result depends on neither the number
/// of parse workers nor of lanes. Rejected lines go to the rejection callback (on the calling thread), in input order,
/// with their reason and raw bytes. A file is read twice: first for its source wallets and its order (see
/// <see cref="InputSurvey"/>); one whose events lie further out of order than the orderers allow is sorted by event time
/// first (<see cref="TimeSortedLines"/>). Memory is bounded by the engines' active keys, the orderers' lateness window, the
/// queues and (when sorting) one sort chunk, not by the input's length.
/// </summary>
internal sealed class ReplayRunner(ReplaySettings settings, TimeProvider clock)
{
    public ReplayResult Run(Stream input, Action<Rejection> onRejected, Action<long>? onProgress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var survey = InputSurvey.Read(input, settings.Rules.AllowedLateness, AcceptedTimes.Of(new ParserOptions(), clock));
        using var sorted = survey.Order.NeedsSorting ? TimeSortedLines.Sort(input, settings.SortChunkBytes) : null;
        var lines = sorted ?? (ILineSource)new JsonLinesReader(input);
        var lanes = new DetectionLane[settings.DetectionLanes];
        var workers = new Task[lanes.Length];
        for (var i = 0; i < lanes.Length; i++)
        {
            var lane = lanes[i] = new DetectionLane(settings, survey);
            workers[i] = Task.Factory.StartNew(lane.Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        ParseTotals parsed;
        try
        {
            parsed = Parse(lines, onRejected, onProgress, lanes);
        }
        catch
        {
            // Parsing stopped because the input failed or because a lane did (a failed lane closes its queue). Every lane
            // ends once its queue is completed, which parsing does on the way out; a lane's own error is the one to report.
            foreach (var worker in workers)
            {
                ((IAsyncResult)worker).AsyncWaitHandle.WaitOne();
            }

            workers.FirstOrDefault(w => w.IsFaulted)?.GetAwaiter().GetResult();
            throw;
        }

        foreach (var worker in workers)
        {
            worker.GetAwaiter().GetResult();
        }

        stopwatch.Stop();
        var collectors = lanes.Select(l => l.Alerts).ToList();
        return new ReplayResult(
            parsed.Lines,
            parsed.Accepted,
            parsed.Rejected,
            parsed.RejectedByReason,
            EngineCounters.Sum(lanes.Select(l => l.Counters)),
            AlertCollector.Merge(collectors),
            collectors.Sum(c => c.Notifications),
            stopwatch.Elapsed,
            parsed.BytesRead)
        {
            UnvaluedAssets = lanes.SelectMany(l => l.UnvaluedAssets).Distinct().Order(StringComparer.Ordinal).ToList(),
            Order = survey.Order,
        };
    }

    private ParseTotals Parse(ILineSource reader, Action<Rejection> onRejected, Action<long>? onProgress, DetectionLane[] lanes)
    {
        var totals = new ParseTotals();
        var router = new LaneRouter(lanes.Length);
        var filling = new ParsedBatch?[lanes.Length];
        var workers = new ParseWorkers(settings.ParseWorkers, () => new WithdrawalEventParser(new ParserOptions(), clock), reader.MaxLineBytes);
        // Enough blocks queued that every worker has the next one ready while the oldest is routed; bounded, so memory
        // does not follow the input's length when detection is the slower side.
        var maxInFlight = (2 * workers.Count) + 2;
        var inFlight = new Queue<LineBlock>(maxInFlight);
        var free = new Stack<LineBlock>(maxInFlight);
        LineBlock? block = null;
        try
        {
            reader.ReadAll((line, lineNumber, lineBytes) =>
            {
                // Blank lines separate events; they are not events and are not counted. Nearly every line starts with '{',
                // which settles it without the vectorized search (measured at about 1% of a large replay's CPU).
                if (line.IsEmpty || (line[0] != (byte)'{' && line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0))
                {
                    return;
                }

                block ??= free.Count > 0 ? free.Pop() : new LineBlock();
                block.Add(line, lineNumber, lineBytes);
                if (block.IsFull)
                {
                    Dispatch(block);
                    block = null;
                }
            });

            if (block is { Count: > 0 })
            {
                Dispatch(block);
            }

            while (inFlight.Count > 0)
            {
                RouteOldest();
            }

            for (var lane = 0; lane < lanes.Length; lane++)
            {
                if (filling[lane] is { Count: > 0 } batch)
                {
                    lanes[lane].Hand(batch);
                }
            }

            onProgress?.Invoke(reader.BytesRead);
            totals.BytesRead = reader.BytesRead;
            return totals;
        }
        finally
        {
            workers.Complete();
            foreach (var lane in lanes)
            {
                lane.Complete();
            }
        }

        void Dispatch(LineBlock parsing)
        {
            workers.Submit(parsing);
            inFlight.Enqueue(parsing);
            if (inFlight.Count >= maxInFlight)
            {
                RouteOldest();
            }
        }

        // In input order, whichever worker parsed the block: lanes, rejections and counts see what one parser would give.
        void RouteOldest()
        {
            var parsed = inFlight.Dequeue();
            parsed.WaitParsed();
            for (var i = 0; i < parsed.Count; i++)
            {
                Route(parsed.Results[i], parsed, i);
            }

            parsed.Reset();
            free.Push(parsed);
        }

        void Route(in ParseResult result, LineBlock parsed, int index)
        {
            totals.Lines++;
            if (result.IsValid)
            {
                totals.Accepted++;
                var lane = router.Route(result.Value.Platform);
                var batch = filling[lane] ??= lanes[lane].TakeEmpty();
                batch.Events[batch.Count++] = result.Value;
                if (batch.Count == DetectionLane.BlockSize)
                {
                    lanes[lane].Hand(batch);
                    filling[lane] = null;
                }
            }
            else
            {
                totals.Rejected++;
                var code = result.Rejection!.Code;
                totals.RejectedByReason[code] = totals.RejectedByReason.GetValueOrDefault(code) + 1;
                onRejected(new Rejection(parsed.LineNumber(index), result.Rejection, parsed.Line(index).ToArray(), parsed.LineBytes(index)));
            }

            if ((totals.Lines & 0x3FFF) == 0)
            {
                onProgress?.Invoke(reader.BytesRead);
            }
        }
    }

    private sealed class ParseTotals
    {
        public long Lines { get; set; }

        public long Accepted { get; set; }

        public long Rejected { get; set; }

        public long BytesRead { get; set; }

        public Dictionary<string, long> RejectedByReason { get; } = new(StringComparer.Ordinal);
    }
}
