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
            var warmUp = ReplayOutputWarmUp.Start(console, alertLines: parse.GetValue(alertsOut) is not null);
            try
            {
                var (rules, watchlist) = detection.Load(parse);
                var request = new ReplayRequest(
                    parse.GetValue(input),
                    new ReplaySettings(rules, watchlist),
                    parse.GetValue(alertsOut),
                    parse.GetValue(rejectedOut),
                    !parse.GetValue(quiet),
                    pipeline.CreateForwarder(parse, clock));
                return Run(console, clock, request, environment.OpenStandardInput, warmUp);
            }
            catch (Exception ex) when (ex is RulesFileException or WatchlistFormatException or IOException or UnauthorizedAccessException)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.InputOrConfiguration;
            }
            catch (Exception ex) when (ex is AggregateException or Azure.RequestFailedException or OptionsValidationException or FormatException or ArgumentException or HttpRequestException)
            {
                // Storage or Teams configuration or reachability: the message names the problem, never the secret.
                var message = new SecretRedactor(parse.GetValue(pipeline.Storage)).Redact(ex.Message);
                if (parse.GetValue(pipeline.TeamsWebhook) is { } webhook)
                {
                    message = message.Replace(webhook, SecretRedactor.Redacted, StringComparison.Ordinal);
                }

                console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
                return ExitCodes.InputOrConfiguration;
            }
        });
        return command;
    }

    private static int Run(IAnsiConsole console, TimeProvider clock, ReplayRequest request, Func<Stream> openStandardInput, ReplayOutputWarmUp warmUp)
    {
        var (alertsOut, rejectedOut, progress) = (request.AlertsOut, request.RejectedOut, request.Progress);
        var (stream, source) = OpenInput(request.Input, openStandardInput);
        using var input = stream;
        using var rejectedStream = rejectedOut?.Create();
        using var rejectedWriter = rejectedStream is null ? null : new RejectionLinesWriter(rejectedStream);
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

        warmUp.Wait();
        ReplayConsoleReport.Render(console, result, source);
        if (alertsOut is not null)
        {
            using var output = alertsOut.Create();
            AlertLinesWriter.Write(output, result.Alerts);
            console.MarkupLine($"Alerts written to [bold]{Markup.Escape(alertsOut.FullName)}[/]");
        }

        if (request.Forwarder.IsEnabled)
        {
            var report = request.Forwarder.ForwardAsync(result.Alerts, kept, CancellationToken.None).GetAwaiter().GetResult();
            console.MarkupLine($"Pipeline: {report.AlertsStored} alert row(s) written or updated, {report.DeadLettered} rejected line(s) dead-lettered, " +
                               $"{report.CardsPosted} Teams card(s) posted, {report.CardsFailed} not delivered.");
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
