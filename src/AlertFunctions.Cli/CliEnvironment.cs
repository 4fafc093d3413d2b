using AlertFunctions.Cli.Send;
using Spectre.Console;

namespace AlertFunctions.Cli;

/// <summary>
/// What the commands reach outside themselves: the console, the clock (the parser refuses timestamps too far in its
/// future), standard input and the Event Hubs producer. Program.cs passes the real ones; tests pass a test console,
/// a fake clock, an in-memory stdin and a producer without a network.
/// </summary>
internal sealed record CliEnvironment(IAnsiConsole Console, TimeProvider Clock, Func<Stream> OpenStandardInput, IEventProducerFactory Producers);
