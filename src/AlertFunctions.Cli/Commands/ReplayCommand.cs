using System.CommandLine;
using AlertFunctions.Cli.Replay;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Spectre.Console;

namespace AlertFunctions.Cli.Commands;

/// <summary>
/// <c>replay [EVENTS.jsonl|-]</c>: runs detection over a file (or stdin, or the embedded sample day when no file is given)
/// in event-time order, prints the alerts and the counts, and optionally writes alerts and rejected lines as JSON lines.
/// </summary>
internal static class ReplayCommand
{
    private const string SampleResource = "AlertFunctions.Cli.sample-day.jsonl";

    public static Command Create(IAnsiConsole console, TimeProvider clock)
    {
        var input = new Argument<string?>("events")
        {
            Description = "JSON-lines file of withdrawal events, or '-' for stdin. Omit it to replay the embedded sample day.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var alertsOut = new Option<FileInfo?>("--alerts-out") { Description = "Write the alerts (newest revision of each) as JSON lines to this file." };
        var rejectedOut = new Option<FileInfo?>("--rejected-out") { Description = "Write refused lines with their reasons as JSON lines to this file." };
        var quiet = new Option<bool>("--no-progress") { Description = "Do not show a progress bar." };
        var detection = new DetectionOptions();
        var command = new Command("replay", "Replay withdrawal events through the detection engine and show the alerts.");
        command.Arguments.Add(input);
        command.Options.Add(alertsOut);
        command.Options.Add(rejectedOut);
        command.Options.Add(quiet);
        detection.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                var (rules, watchlist) = detection.Load(parse);
                return Run(console, clock, parse.GetValue(input), rules, watchlist, parse.GetValue(alertsOut), parse.GetValue(rejectedOut), !parse.GetValue(quiet));
            }
            catch (Exception ex) when (ex is RulesFileException or WatchlistFormatException or IOException or UnauthorizedAccessException)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.InputOrConfiguration;
            }
        });
        return command;
    }

    private static int Run(IAnsiConsole console, TimeProvider clock, string? inputPath, DetectionRules rules, Watchlist watchlist, FileInfo? alertsOut, FileInfo? rejectedOut, bool progress)
    {
        var (stream, source) = OpenInput(inputPath);
        using var input = stream;
        using var rejectedStream = rejectedOut?.Create();
        using var rejectedWriter = rejectedStream is null ? null : new RejectionLinesWriter(rejectedStream);
        var shownRejections = 0;
        void OnRejected(Rejection rejection)
        {
            rejectedWriter?.Write(rejection);
            if (shownRejections++ < 10)
            {
                console.MarkupLine($"[yellow]line {rejection.LineNumber} rejected:[/] {Markup.Escape(rejection.Reason.ToString())}");
            }
        }

        var runner = new ReplayRunner(new ReplaySettings(rules, watchlist), clock);
        var length = stream.CanSeek ? stream.Length : 0;
        ReplayResult result;
        if (progress && length > 16 * 1024 * 1024 && console.Profile.Capabilities.Interactive)
        {
            result = null!;
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("Replaying", maxValue: length);
                result = runner.Run(input, OnRejected, bytes => task.Value = bytes);
            });
        }
        else
        {
            result = runner.Run(input, OnRejected);
        }

        if (shownRejections > 10)
        {
            console.MarkupLine($"[yellow]… {shownRejections - 10} more rejected line(s){(rejectedOut is null ? "; use --rejected-out FILE to keep them all" : $", all written to {Markup.Escape(rejectedOut.FullName)}")}[/]");
        }

        ReplayConsoleReport.Render(console, result, source);
        if (alertsOut is not null)
        {
            using var output = alertsOut.Create();
            AlertLinesWriter.Write(output, result.Alerts);
            console.MarkupLine($"Alerts written to [bold]{Markup.Escape(alertsOut.FullName)}[/]");
        }

        return ExitCodes.Success;
    }

    private static (Stream Stream, string Source) OpenInput(string? path)
    {
        if (path is null)
        {
            var sample = typeof(ReplayCommand).Assembly.GetManifestResourceStream(SampleResource)
                ?? throw new IOException($"the embedded sample {SampleResource} is missing from this build");
            return (sample, "embedded sample day (samples/sample-day.jsonl)");
        }

        if (path == "-")
        {
            return (Console.OpenStandardInput(), "stdin");
        }

        return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan), path);
    }
}
