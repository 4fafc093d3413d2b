using System.CommandLine;
using System.Globalization;
using AlertFunctions.Cli.Validation;
using Spectre.Console;
using EventParseResult = AlertFunctions.Detection.Contract.ParseResult;

namespace AlertFunctions.Cli.Commands;

/// <summary>
/// <c>validate EVENTS.jsonl|-</c>: checks every line with the receiver's parser and prints each refused line as
/// <c>line N: code: message</c>, then the counts. Exit 1 when any line is invalid, so a producer's CI can gate on it.
/// The refusals go straight to the output writer, one per line and never wrapped, so CI logs stay greppable; Spectre
/// drops the colour of the count line by itself when the output is not a terminal.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var input = new Argument<string>("events") { Description = "JSON-lines file of withdrawal events, or '-' for stdin." };
        var command = new Command("validate", "Check every line of a withdrawal events file against the event contract (v1), exactly as the receiver will.");
        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            var console = environment.Console;
            try
            {
                using var stream = EventInput.Open(parse.GetValue(input)!, environment.OpenStandardInput);
                return Run(console, environment.Clock, stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.InputOrConfiguration;
            }
        });
        return command;
    }

    private static int Run(IAnsiConsole console, TimeProvider clock, Stream input)
    {
        long valid = 0, invalid = 0;
        var writer = console.Profile.Out.Writer;
        new EventLineChecker(clock).CheckAll(input, (long lineNumber, ReadOnlySpan<byte> _, in EventParseResult result, long _) =>
        {
            if (result.IsValid)
            {
                valid++;
                return;
            }

            invalid++;
            writer.WriteLine(RejectionLine.Format(lineNumber, result.Rejection!));
        });
        writer.Flush();

        var total = (valid + invalid).ToString(CultureInfo.InvariantCulture);
        var validText = valid.ToString(CultureInfo.InvariantCulture);
        var invalidText = invalid.ToString(CultureInfo.InvariantCulture);
        console.MarkupLine(invalid == 0
            ? $"checked {total} event(s): [green]{validText} valid[/], 0 invalid"
            : $"checked {total} event(s): {validText} valid, [red]{invalidText} invalid[/]");
        return invalid == 0 ? ExitCodes.Success : ExitCodes.InvalidEvents;
    }
}
