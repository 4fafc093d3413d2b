using AlertFunctions.Cli.Replay;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>The output written ahead of a replay to prepare Spectre and the serializer goes nowhere: the user's console sees only the real one.</summary>
public sealed class ReplayOutputWarmUpTests
{
    [Fact]
    public void Wait_AfterTheWarmUpRendered_NothingWasWrittenToTheConsoleItWasModelledOn()
    {
        var console = new TestConsole();

        ReplayOutputWarmUp.Start(console, alertLines: true).Wait();

        Assert.Equal("", console.Output);
    }
}
