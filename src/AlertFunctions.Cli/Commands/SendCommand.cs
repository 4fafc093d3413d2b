using System.CommandLine;
using System.Globalization;
using AlertFunctions.Cli.Replay;
using AlertFunctions.Cli.Send;
using AlertFunctions.Cli.Validation;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using Spectre.Console;

namespace AlertFunctions.Cli.Commands;

/// <summary>
/// <c>send EVENTS.jsonl|- (--namespace NS --hub NAME | --connection-string CS [--hub NAME])</c>: validates every line
/// with the receiver's parser, reports invalid lines (never sent) and publishes the valid ones to Event Hubs with the
/// event's platform as partition key. Exit 0 when everything was sent, 1 when some lines were invalid, 4 when some valid
/// events were not sent. The connection string is a secret: it is never printed, and every error text is redacted.
/// </summary>
internal static class SendCommand
{
    /// <summary>Below this size a progress bar would only flicker.</summary>
    private const long ProgressThresholdBytes = 1024 * 1024;

    public static Command Create(CliEnvironment environment)
    {
        var input = new Argument<string>("events") { Description = "JSON-lines file of withdrawal events, or '-' for stdin." };
        var fullyQualifiedNamespace = new Option<string?>("--namespace")
        {
            Description = "Event Hubs namespace host, e.g. NS.servicebus.windows.net; signs in with Microsoft Entra ID (DefaultAzureCredential). Needs --hub.",
        };
        var hub = new Option<string?>("--hub") { Description = "Event hub name. With --connection-string it may come from the connection string's EntityPath instead." };
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = "Event Hubs SAS connection string, instead of --namespace. Never printed.",
        };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not show a progress bar." };
        var command = new Command("send", "Validate withdrawal events and publish the valid ones to Azure Event Hubs, partitioned by platform.");
        command.Arguments.Add(input);
        command.Options.Add(fullyQualifiedNamespace);
        command.Options.Add(hub);
        command.Options.Add(connectionString);
        command.Options.Add(noProgress);
        command.SetAction((parse, cancellationToken) => RunAsync(
            environment,
            parse.GetValue(input)!,
            parse.GetValue(fullyQualifiedNamespace),
            parse.GetValue(hub),
            parse.GetValue(connectionString),
            !parse.GetValue(noProgress),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, string path, string? fullyQualifiedNamespace, string? hub, string? connectionString, bool progress, CancellationToken cancellationToken)
    {
        var console = environment.Console;
        var redactor = new SecretRedactor(connectionString);
        void Error(string message) => console.MarkupLine($"[red]error:[/] {Markup.Escape(redactor.Redact(message))}");

        EventHubTarget target;
        try
        {
            target = EventHubTarget.Resolve(fullyQualifiedNamespace, connectionString, hub);
        }
        catch (EventHubTargetException ex)
        {
            Error(ex.Message);
            return ExitCodes.Usage;
        }

        Stream stream;
        try
        {
            stream = EventInput.Open(path, environment.OpenStandardInput);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error(ex.Message);
            return ExitCodes.InputOrConfiguration;
        }

        await using (stream.ConfigureAwait(false))
        {
            IEventBatchProducer producer;
            try
            {
                producer = environment.Producers.Create(target);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                Error($"the Event Hubs client refused the connection settings: {ex.Message}");
                return ExitCodes.Usage;
            }

            SendReport report;
            try
            {
                await using (producer.ConfigureAwait(false))
                {
                    console.MarkupLine($"Sending to {Markup.Escape(target.ToString())}");
                    WarnIfOutOfOrder(console, stream, environment.Clock);
                    report = await SendAsync(console, environment.Clock, producer, stream, progress, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Error($"reading {EventInput.Describe(path)} failed: {ex.Message}");
                return ExitCodes.InputOrConfiguration;
            }

            foreach (var failure in report.Failures)
            {
                var cause = failure.Error is null ? failure.Reason : $"{failure.Reason}: {failure.Error.Message}";
                Error($"{failure.DescribeLines()} ({failure.EventCount} event(s), platform '{failure.PartitionKey}') not sent: {cause}");
            }

            if (report.Skipped > 0)
            {
                console.MarkupLine($"[red]{Number(report.Skipped)} valid event(s) after the failure were not attempted.[/]");
            }

            Summarize(console, report);
            return report.NotSent > 0 ? ExitCodes.SendFailed
                : report.Rejected > 0 ? ExitCodes.InvalidEvents
                : ExitCodes.Success;
        }
    }

    private static async Task<SendReport> SendAsync(IAnsiConsole console, TimeProvider clock, IEventBatchProducer producer, Stream stream, bool progress, CancellationToken cancellationToken)
    {
        await using var sender = new PartitionedBatchSender(producer);
        var fileSender = new EventFileSender(new EventLineChecker(clock), sender);
        var length = stream.CanSeek ? stream.Length : 0;
        if (!progress || length < ProgressThresholdBytes || !console.Profile.Capabilities.Interactive)
        {
            // One unwrapped line per refusal, as `validate` prints them, for producers' CI logs.
            var writer = console.Profile.Out.Writer;
            return await fileSender.SendAsync(stream, (line, rejection) => writer.WriteLine(RejectionLine.Format(line, rejection)), onProgress: null, cancellationToken).ConfigureAwait(false);
        }

        return await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Sending", maxValue: length);

            // While the bar is live, lines must go through Spectre, which prints them above the bar.
            return await fileSender.SendAsync(
                stream,
                (line, rejection) => console.MarkupLine($"[yellow]{Markup.Escape(RejectionLine.Format(line, rejection))}[/]"),
                bytes => task.Value = bytes,
                cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The Functions app takes each platform's events in the order they arrive, and one further behind than the allowed
    /// lateness is left out of its wallet's windows. <c>send</c> keeps the file's order (its line numbers are what a
    /// producer resends after a failure), so a file that the replay would have to sort is flagged before it is sent.
    /// </summary>
    private static void WarnIfOutOfOrder(IAnsiConsole console, Stream stream, TimeProvider clock)
    {
        var lateness = DetectionRules.Default.AllowedLateness;
        var order = InputSurvey.Read(stream, lateness, AcceptedTimes.Of(new ParserOptions(), clock)).Order;
        if (order.NeedsSorting)
        {
            // One unwrapped line, like the refusals, so a CI log keeps it whole.
            console.Profile.Out.Writer.WriteLine(
                $"warning: {Number(order.OutOfOrder)} event(s) lie more than {lateness.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min behind an earlier event of their platform " +
                $"(the first on line {Number(order.FirstOutOfOrderLine)}); the Functions app will count them late and leave them out of the windows. Sort the file by timestamp to avoid it.");
        }
    }

    /// <summary>One short line (a redirected console wraps at 80 columns): read = sent + rejected + not sent.</summary>
    private static void Summarize(IAnsiConsole console, SendReport report)
    {
        var sent = $"{Number(report.Sent)} sent in {Number(report.Batches)} batch(es)";
        var rejected = $"{Number(report.Rejected)} rejected (invalid)";
        var notSent = $"{Number(report.NotSent)} not sent";
        console.MarkupLine($"{Number(report.Read)} read: "
            + (report.NotSent == 0 && report.Rejected == 0 ? $"[green]{sent}[/]" : sent) + ", "
            + (report.Rejected > 0 ? $"[yellow]{rejected}[/]" : rejected) + ", "
            + (report.NotSent > 0 ? $"[red]{notSent}[/]" : notSent));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
