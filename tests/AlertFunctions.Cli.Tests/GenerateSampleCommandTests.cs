using AlertFunctions.Detection.Contract;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>The generate-sample command's options and output file, exercised through the command line.</summary>
public sealed class GenerateSampleCommandTests
{
    [Theory]
    [InlineData("--days", "0", "--days must be at least 1; got 0.")]
    [InlineData("--days", "-1", "--days must be at least 1; got -1.")]
    [InlineData("--events-per-day", "0", "--events-per-day must be at least 100; got 0.")]
    [InlineData("--events-per-day", "-5", "--events-per-day must be at least 100; got -5.")]
    [InlineData("--events-per-day", "10", "--events-per-day must be at least 100; got 10.")]
    [InlineData("--pad-to-bytes", "-1", "--pad-to-bytes must be between 0 and 64,512; got -1.")]
    [InlineData("--pad-to-bytes", "64513", "--pad-to-bytes must be between 0 and 64,512; got 64,513.")]
    [InlineData("--pad-to-bytes", "70000", "--pad-to-bytes must be between 0 and 64,512; got 70,000.")]
    public async Task GenerateSample_OptionOutsideItsRange_IsAUsageErrorNamingTheRange(string option, string value, string expected)
    {
        using var directory = new TemporaryDirectory();
        var output = directory.File("sample.jsonl");
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("generate-sample", output, option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, cli.CommandLineOutput.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", cli.CommandLineOutput + cli.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task GenerateSample_Help_StatesEachOptionsLimits()
    {
        using var cli = new CliHarness();

        await cli.RunAsync("generate-sample", "--help");

        var help = cli.CommandLineOutput.ToString();
        Assert.Contains("at least 1;", help, StringComparison.Ordinal);
        Assert.Contains("at least 100.", help, StringComparison.Ordinal);
        Assert.Contains("0 (no padding) to 64,512", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateSample_LargestPadding_EveryLineStaysAValidEvent()
    {
        using var directory = new TemporaryDirectory();
        var output = directory.File("padded.jsonl");
        using var cli = new CliHarness();

        Assert.Equal(0, await cli.RunAsync("generate-sample", output, "--days", "1", "--events-per-day", "100", "--pad-to-bytes", "64512"));

        var parser = new WithdrawalEventParser();
        var lines = File.ReadAllLines(output);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(parser.Parse(System.Text.Encoding.UTF8.GetBytes(line)).IsValid, $"{line.Length}-character line refused"));
        Assert.InRange(lines.Max(line => line.Length), 64_000, new ParserOptions().MaxBodyBytes);
    }

    [Fact]
    public async Task GenerateSample_OutputInAMissingDirectory_Exits3NamingTheDirectory()
    {
        using var directory = new TemporaryDirectory();
        var missing = directory.File("missing");
        using var cli = new CliHarness();
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync("generate-sample", Path.Combine(missing, "sample.jsonl"));

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: output: cannot create {Path.Combine(missing, "sample.jsonl")}: the directory {missing} does not exist\n", cli.Output);
    }

    [Fact]
    public async Task GenerateSample_OutputIsADirectory_Exits3SayingSo()
    {
        using var directory = new TemporaryDirectory();
        using var cli = new CliHarness();
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync("generate-sample", directory.Path);

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: output: {directory.Path} is a directory, not a file\n", cli.Output);
    }
}
