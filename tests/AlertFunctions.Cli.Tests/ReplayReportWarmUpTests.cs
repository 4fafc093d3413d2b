using AlertFunctions.Cli.Replay;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>The report rendered ahead of a replay to prepare Spectre goes nowhere: the user's console sees only the real one.</summary>
public sealed class ReplayReportWarmUpTests
{
    [Fact]
    public void Wait_AfterTheWarmUpRendered_NothingWasWrittenToTheConsoleItWasModelledOn()
    {
        var console = new TestConsole();

        ReplayReportWarmUp.Start(console).Wait();

        Assert.Equal("", console.Output);
    }
}
