using System.Text;

namespace AlertFunctions.Cli.Tests;

public sealed class CliProcessTests
{
    [Fact]
    public async Task Schema_AsAProcess_WritesExactlyTheShippedBytes()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(null, "schema");

        Assert.True(exitCode == 0, error);
        Assert.Equal(ShippedSchema.ReadBytes(), output);
    }

    [Fact]
    public async Task Validate_AsAProcessWithRedirectedOutputOnAColourTerminal_WritesNoEscapeCodes()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a"), EventLines.With("amount", "-1")));
        var colourTerminal = new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" };

        var (exitCode, output, error) = await CliProcess.RunAsync(colourTerminal, "validate", file);

        Assert.True(exitCode == 1, $"exit {exitCode}: {error}");
        Assert.DoesNotContain((byte)0x1b, output);
        Assert.Equal("line 2: amount-not-positive: field 'amount' must be greater than 0, was -1\nchecked 2 event(s): 1 valid, 1 invalid\n", Encoding.UTF8.GetString(output));
    }
}
