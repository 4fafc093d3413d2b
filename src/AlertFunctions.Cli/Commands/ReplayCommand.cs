using System.CommandLine;
using AlertFunctions.Cli.Replay;
using AlertFunctions.Cli.Send;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace AlertFunctions.Cli.Commands;

/// <summary>
/// <c>replay [EVENTS.jsonl|-]</c>: runs detection over a file (or stdin, or the embedded sample day when no file is given)
/// in event-time order, prints the alerts and the counts, and optionally writes alerts and rejected lines as JSON lines.
/// </summary>
internal static class ReplayCommand
{
    private const string SampleResource = "AlertFunctions.Cli.sample-day.jsonl";

    public static Command Create(CliEnvironment environment)
    {
        var (console, clock) = (environment.Console, environment.Clock);
        var input = new Argument<string?>("events")
        {
            Description = "JSON-lines file of withdrawal events, or '-' for stdin. Omit it to replay the embedded sample day.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var alertsOut = new Option<FileInfo?>("--alerts-out") { Description = "Write the alerts (newest revision of each) as JSON lines to this file." };
        var rejectedOut = new Option<FileInfo?>("--rejected-out") { Description = "Write refused lines with their reasons as JSON lines to this file." };
        var quiet = new Option<bool>("--no-progress") { Description = "Do not show a progress bar." };
        var detection = new DetectionOptions();
        var pipeline = new PipelineOptions();
        var command = new Command("replay", "Replay withdrawal events through the detection engine and show the alerts.");
        command.Arguments.Add(input);
        command.Options.Add(alertsOut);
        command.Options.Add(rejectedOut);
        command.Options.Add(quiet);
        detection.AddTo(command);
        pipeline.AddTo(command);
        command.SetAction(parse =>
        {
            var (alertsFile, rejectedFile) = (parse.GetValue(alertsOut), parse.GetValue(rejectedOut));
            var warmUp = ReplayOutputWarmUp.Start(console, alertLines: alertsFile is not null);
            if (OverwrittenFile(parse.GetValue(input), alertsFile, rejectedFile) is { } clash)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(clash)}");
                return ExitCodes.Usage;
            }

            try
            {
                var (rules, watchlist) = detection.Load(parse);
                var forwarder = pipeline.CreateForwarder(parse, clock);
                var (stream, source) = OpenInput(parse.GetValue(input), environment.OpenStandardInput);
                using var events = stream;

                // Created before a line is read: a replay of a large file must not end in "cannot write" after the wait.
                using var alertLines = alertsFile is null ? null : OutputFile.Create(alertsFile.FullName, "--alerts-out");
                using var rejectedLines = rejectedFile is null ? null : OutputFile.Create(rejectedFile.FullName, "--rejected-out");
                var request = new ReplayRequest(events, source, new ReplaySettings(rules, watchlist), alertLines, rejectedLines, !parse.GetValue(quiet), forwarder);
                return Run(console, clock, request, warmUp);
            }
            catch (Exception ex) when (ex is RulesFileException or WatchlistFormatException or IOException or UnauthorizedAccessException)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.InputOrConfiguration;
            }
            catch (Exception ex) when (ex is PipelineForwardingException or AggregateException or Azure.RequestFailedException or OptionsValidationException or FormatException or ArgumentException or HttpRequestException)
            {
                // Storage or Teams configuration or reachability: the message names the problem, never the secret.
                var message = new SecretRedactor(parse.GetValue(pipeline.Storage)).Redact(ex.Message);
                if (parse.GetValue(pipeline.TeamsWebhook) is { Length: > 0 } webhook)
                {
                    message = message.Replace(webhook, SecretRedactor.Redacted, StringComparison.Ordinal);
                }

                console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
                return ExitCodes.InputOrConfiguration;
            }
        });
        return command;
    }

    /// <summary>
    /// An output that names the events file, or both outputs the same file: the first would empty the input before it is
    /// read (the outputs are created first), the second interleave two formats. Null when the paths are distinct.
    /// </summary>
    private static string? OverwrittenFile(string? input, FileInfo? alertsOut, FileInfo? rejectedOut)
    {
        var inputPath = input is null or EventInput.StandardInput ? null : Path.GetFullPath(input);
        foreach (var (option, file) in new[] { ("--alerts-out", alertsOut), ("--rejected-out", rejectedOut) })
        {
            if (file is not null && inputPath is not null && SameFile(file.FullName, inputPath))
            {
                return $"{option} names the events file {input}, which it would overwrite; write to another file";
            }
        }

        return alertsOut is not null && rejectedOut is not null && SameFile(alertsOut.FullName, rejectedOut.FullName)
            ? "--alerts-out and --rejected-out name the same file; give each its own"
            : null;
    }

    private static bool SameFile(string first, string second) =>
        string.Equals(first, second, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    private static int Run(IAnsiConsole console, TimeProvider clock, ReplayRequest request, ReplayOutputWarmUp warmUp)
    {
        var (input, alertsOut, rejectedOut, progress) = (request.Input, request.AlertsOut, request.RejectedOut, request.Progress);
        using var rejectedWriter = rejectedOut is null ? null : new RejectionLinesWriter(rejectedOut.Stream);
        var shownRejections = 0;
        var kept = new List<Rejection>();
        void OnRejected(Rejection rejection)
        {
            rejectedWriter?.Write(rejection);
            if (request.Forwarder.IsEnabled)
            {
                kept.Add(rejection);
            }

            if (shownRejections++ < 10)
            {
                console.MarkupLine($"[yellow]line {rejection.LineNumber} rejected:[/] {Markup.Escape(rejection.Reason.ToString())}");
            }
        }

        var runner = new ReplayRunner(request.Settings, clock);
        var length = input.CanSeek ? input.Length : 0;
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

        warmUp.Wait();
        ReplayConsoleReport.Render(console, result, request.Source);
        if (alertsOut is not null)
        {
            AlertLinesWriter.Write(alertsOut.Stream, result.Alerts);
            alertsOut.Stream.Flush();
            console.MarkupLine($"Alerts written to [bold]{Markup.Escape(alertsOut.FullName)}[/]");
        }

        if (request.Forwarder.IsEnabled)
        {
            var report = request.Forwarder.ForwardAsync(result.Alerts, kept, CancellationToken.None).GetAwaiter().GetResult();
            console.MarkupLine($"Pipeline: {report.AlertsStored} alert row(s) written or updated, {report.DeadLettered} rejected line(s) dead-lettered, " +
                               $"{report.CardsPosted} Teams card(s) posted, {report.CardsFailed} not delivered.");
            foreach (var (reason, cards) in report.NotDelivered)
            {
                console.MarkupLine($"[red]Teams: {cards} card(s) not delivered:[/] {Markup.Escape(reason)}");
            }
        }

        return ExitCodes.Success;
    }

    private static (Stream Stream, string Source) OpenInput(string? path, Func<Stream> openStandardInput)
    {
        if (path is null)
        {
            var sample = typeof(ReplayCommand).Assembly.GetManifestResourceStream(SampleResource)
                ?? throw new IOException($"the embedded sample {SampleResource} is missing from this build");
            return (sample, "embedded sample day (samples/sample-day.jsonl)");
        }

        return (EventInput.Open(path, openStandardInput), EventInput.Describe(path));
    }
}
