using System.Globalization;
using System.Text.Json;
using AlertFunctions.SampleData;

namespace AlertFunctions.Benchmarks.Replay;

/// <summary>
/// <c>replay-file OUT.jsonl [--events N]</c>: writes the file the replay throughput measurement reads (bench/measure-replay.sh):
/// N events (default 280,000) of synthetic traffic at 20,000 ordinary withdrawals a day, padded with the contract's ignored
/// <c>memo</c> field to about 446 bytes an event (125 MB for 280,000), the size of a realistic producer's event. A longer
/// file is more days at the same rate, so the same customers and wallets: memory should not grow with it. Deterministic,
/// and in the past, so no event is refused as "in the future".
/// </summary>
internal static class ReplayFileCommand
{
    public const string Name = "replay-file";
    public const int DefaultEvents = 280_000;
    private const int EventsPerDay = 20_000;
    private const double TargetBytesPerEvent = 125_000_000d / DefaultEvents;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var path, out var count, out var problem))
        {
            error.WriteLine($"{Name}: {problem}");
            error.WriteLine($"usage: {Name} OUT.jsonl [--events N]   (default N = {DefaultEvents.ToString("N0", CultureInfo.InvariantCulture)})");
            return 2;
        }

        var options = new SampleTrafficOptions
        {
            Start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
            Days = (count + EventsPerDay - 1) / EventsPerDay,
            EventsPerDay = EventsPerDay,
        };
        var generated = new SampleTrafficGenerator(options).Generate();
        if (generated.Count < count)
        {
            error.WriteLine($"{Name}: the generator made {generated.Count} events, fewer than the {count} asked for");
            return 1;
        }

        // Incidents and look-alikes come on the last day; trimming to an exact count cuts only that day's last hours.
        var events = generated.Take(count).ToList();
        var padding = MemoPadding.For(events, TargetBytesPerEvent);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true }))
        {
            for (var i = 0; i < events.Count; i++)
            {
                SampleEventWriter.Write(writer, events[i], padding.AppliesTo(i) ? padding.Memo : null);
                writer.Flush();
                writer.Reset();
                stream.WriteByte((byte)'\n');
            }
        }

        var bytes = new FileInfo(path).Length;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {events.Count:N0} events, {bytes:N0} bytes ({bytes / (double)events.Count:F0} bytes/event; {padding}), {events[0].Timestamp:yyyy-MM-dd} to {events[^1].Timestamp:yyyy-MM-dd}, to {Path.GetFullPath(path)}"));
        return 0;
    }

    private static bool TryParse(IReadOnlyList<string> args, out string path, out int count, out string problem)
    {
        path = string.Empty;
        count = DefaultEvents;
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--events")
            {
                if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1_000)
                {
                    problem = "--events needs a whole number of at least 1000";
                    return false;
                }

                i++;
            }
            else if (path.Length == 0 && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                path = args[i];
            }
            else
            {
                problem = $"unexpected argument '{args[i]}'";
                return false;
            }
        }

        if (path.Length == 0)
        {
            problem = "the output file is missing";
            return false;
        }

        return true;
    }
}
