using System.CommandLine;
using AlertFunctions.SampleData;
using Spectre.Console;

namespace AlertFunctions.Cli.Commands;

/// <summary>
/// <c>generate-sample</c>: writes deterministic synthetic traffic (the shipped sample day is its default output; larger
/// files feed the throughput measurements). <c>--pad-to-bytes</c> adds an ignored <c>memo</c> field to reach a target
/// average event size.
/// </summary>
internal static class GenerateSampleCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Argument<FileInfo>("output") { Description = "File to write (JSON lines)." };
        var days = new Option<int>("--days") { Description = "Days of traffic; incidents happen on the last day.", DefaultValueFactory = _ => 2 };
        var perDay = new Option<int>("--events-per-day") { Description = "Ordinary withdrawals per day.", DefaultValueFactory = _ => 3_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 20261125 };
        var start = new Option<DateTimeOffset?>("--start") { Description = "UTC start of the first day (default: the shipped sample's, 2026-11-25)." };
        var padTo = new Option<int>("--pad-to-bytes") { Description = "Pad each event to about this many bytes with a 'memo' field (0: no padding).", DefaultValueFactory = _ => 0 };
        var command = new Command("generate-sample", "Write deterministic synthetic withdrawal traffic with incidents and benign look-alikes.");
        command.Arguments.Add(output);
        command.Options.Add(days);
        command.Options.Add(perDay);
        command.Options.Add(seed);
        command.Options.Add(padTo);
        command.Options.Add(start);
        command.SetAction(parse =>
        {
            var options = new SampleTrafficOptions { Days = parse.GetValue(days), EventsPerDay = parse.GetValue(perDay), Seed = parse.GetValue(seed) };
            if (parse.GetValue(start) is { } first)
            {
                options = options with { Start = first.ToUniversalTime() };
            }

            var events = new SampleTrafficGenerator(options).Generate();
            var padding = parse.GetValue(padTo) is > 0 and var bytes ? new string('x', Math.Max(0, bytes - 420)) : null;
            var file = parse.GetValue(output)!;
            using (var stream = file.Create())
            {
                SampleEventWriter.WriteLines(stream, events, padding);
            }

            console.MarkupLine($"Wrote {events.Count:N0} events to [bold]{Markup.Escape(file.FullName)}[/] ({new FileInfo(file.FullName).Length:N0} bytes).");
            return ExitCodes.Success;
        });
        return command;
    }
}
