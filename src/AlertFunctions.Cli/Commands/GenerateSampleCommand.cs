using System.CommandLine;
using System.Globalization;
using AlertFunctions.Detection.Contract;
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
    /// <summary>
    /// The largest <c>--pad-to-bytes</c>. Every line must stay within the receiver's body limit, or the file is only
    /// refusals. Unpadded events are about 390-500 bytes and the memo stands in for 420 of the requested size, so a padded
    /// line is at most about 100 bytes over the target: 1 KiB of headroom keeps every line under the limit.
    /// </summary>
    public static readonly int MaxPadToBytes = new ParserOptions().MaxBodyBytes - 1024;

    /// <summary>The unpadded part of an event the memo does not need to make up.</summary>
    private const int UnpaddedEventBytes = 420;

    public static Command Create(IAnsiConsole console)
    {
        var output = new Argument<string>("output") { Description = "File to write (JSON lines)." };
        var days = new Option<int>("--days")
        {
            Description = $"Days of traffic, at least {SampleTrafficOptions.MinDays}; incidents happen on the last day.",
            DefaultValueFactory = _ => 2,
        };
        var perDay = new Option<int>("--events-per-day")
        {
            Description = $"Ordinary withdrawals per day, at least {SampleTrafficOptions.MinEventsPerDay}.",
            DefaultValueFactory = _ => 3_000,
        };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 20261125 };
        var start = new Option<DateTimeOffset?>("--start") { Description = "UTC start of the first day (default: the shipped sample's, 2026-11-25)." };
        var padTo = new Option<int>("--pad-to-bytes")
        {
            Description = $"Pad each event to about this many bytes with a 'memo' field: 0 (no padding) to {Number(MaxPadToBytes)}, which keeps every line under the {Number(new ParserOptions().MaxBodyBytes)}-byte event limit.",
            DefaultValueFactory = _ => 0,
        };
        AcceptOnly(days, SampleTrafficOptions.MinDays, int.MaxValue);
        AcceptOnly(perDay, SampleTrafficOptions.MinEventsPerDay, int.MaxValue);
        AcceptOnly(padTo, 0, MaxPadToBytes);
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

            var path = parse.GetValue(output)!;
            try
            {
                // Created before the events are generated, so a path that cannot be written fails before that work.
                using var file = OutputFile.Create(path, "output");
                var events = new SampleTrafficGenerator(options).Generate();
                var padding = parse.GetValue(padTo) is > 0 and var bytes ? new string('x', Math.Max(0, bytes - UnpaddedEventBytes)) : null;
                SampleEventWriter.WriteLines(file.Stream, events, padding);
                file.Stream.Flush();
                console.MarkupLine($"Wrote {events.Count:N0} events to [bold]{Markup.Escape(file.FullName)}[/] ({file.Stream.Length:N0} bytes).");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.InputOrConfiguration;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A value outside the range is a usage error (exit 2) naming the option and the range, not an exception from the generator.</summary>
    private static void AcceptOnly(Option<int> option, int min, int max) =>
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError(max == int.MaxValue
                    ? $"{option.Name} must be at least {Number(min)}; got {Number(value)}."
                    : $"{option.Name} must be between {Number(min)} and {Number(max)}; got {Number(value)}.");
            }
        });

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
