using System.CommandLine;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// Runs the tool in-process through the same root command Program.cs builds, with a test console (no colours, width 80
/// like a redirected terminal unless a test widens it), a fixed clock after the sample day, an in-memory stdin and a
/// recording Event Hubs producer. Each test makes its own harness: nothing is shared.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    /// <summary>After every timestamp the tests use, so none is refused as in the future.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public TestConsole Console { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public byte[] StandardInput { get; set; } = [];

    public RecordingProducerFactory Producers { get; } = new();

    /// <summary>What System.CommandLine itself writes (help, parse errors).</summary>
    public StringWriter CommandLineOutput { get; } = new();

    public string Output => Console.Output;

    public async Task<int> RunAsync(params string[] args)
    {
        var environment = new CliEnvironment(Console, Clock, () => new PipedInput(StandardInput), Producers);
        var configuration = new InvocationConfiguration { Output = CommandLineOutput, Error = CommandLineOutput };
        return await CliRoot.InvokeAsync(CliRoot.Create(environment), args, configuration);
    }

    public void Dispose()
    {
        Console.Dispose();
        CommandLineOutput.Dispose();
    }

    /// <summary>Standard input as the tool gets it from a pipe or a redirect: read once, not seekable.</summary>
    private sealed class PipedInput(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
