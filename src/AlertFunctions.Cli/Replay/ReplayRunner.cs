using System.Diagnostics;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Reads JSON lines, validates each against the contract, puts accepted events into event-time order and runs the
/// detection engine over them. Rejected lines go to <paramref name="onRejected"/> with their reason and raw bytes.
/// Memory is bounded by the engine's active keys and the orderer's lateness window, not by the input's length.
/// </summary>
internal sealed class ReplayRunner(ReplaySettings settings, TimeProvider clock)
{
    public ReplayResult Run(Stream input, Action<Rejection> onRejected, Action<long>? onProgress = null, AlertCollector? collector = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var parser = new WithdrawalEventParser(new ParserOptions(), clock);
        var engine = new DetectionEngine(settings.Rules, settings.Watchlist);
        collector ??= new AlertCollector();
        var orderer = new EventTimeOrderer(settings.Rules.AllowedLateness);
        var rejectedByReason = new Dictionary<string, long>(StringComparer.Ordinal);
        long lines = 0, accepted = 0, rejected = 0;
        Action<WithdrawalEvent> process = e => engine.Process(e, collector);
        var reader = new JsonLinesReader(input);
        reader.ReadAll((line, lineNumber, truncated) =>
        {
            // Blank lines separate events; they are not events and are not counted.
            if (line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
            {
                return;
            }

            lines++;
            var result = truncated
                ? ParseResult.Invalid(RejectionReason.BodyTooLarge, $"line is longer than {reader.MaxLineBytes} bytes")
                : parser.Parse(line);
            if (result.IsValid)
            {
                accepted++;
                orderer.Add(result.Value, process);
            }
            else
            {
                rejected++;
                var code = result.Rejection!.Code;
                rejectedByReason[code] = rejectedByReason.GetValueOrDefault(code) + 1;
                onRejected(new Rejection(lineNumber, result.Rejection, line.ToArray()));
            }

            if ((lines & 0x3FFF) == 0)
            {
                onProgress?.Invoke(reader.BytesRead);
            }
        });
        orderer.Flush(process);
        onProgress?.Invoke(reader.BytesRead);
        stopwatch.Stop();
        return new ReplayResult(lines, accepted, rejected, rejectedByReason, engine.Counters, collector.Alerts, collector.Notifications, stopwatch.Elapsed, reader.BytesRead);
    }
}
