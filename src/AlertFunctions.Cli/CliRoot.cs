using System.CommandLine;
using System.CommandLine.Invocation;
using AlertFunctions.Cli.Commands;

namespace AlertFunctions.Cli;

/// <summary>The root command with every command registered, and its invocation (shared by Program.cs and the tests).</summary>
internal static class CliRoot
{
    public static RootCommand Create(CliEnvironment environment) =>
        new("Early-warning detection for crypto withdrawals: replay, validate and send event files, print the event schema, generate sample traffic.")
        {
            ReplayCommand.Create(environment),
            ValidateCommand.Create(environment),
            SendCommand.Create(environment),
            SchemaCommand.Create(environment.Console),
            GenerateSampleCommand.Create(environment.Console),
        };

    /// <summary>
    /// Parses and runs. A command-line mistake exits with <see cref="ExitCodes.Usage"/> rather than System.CommandLine's
    /// default 1, which <c>validate</c> and <c>send</c> use for "some events are invalid": a producer's CI must be able to
    /// tell a bad file from a bad command line.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = root.Parse(args);
        var exitCode = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parse.Errors.Count > 0 && parse.Action is ParseErrorAction ? ExitCodes.Usage : exitCode;
    }
}
