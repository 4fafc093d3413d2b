using System.Text;
using System.Text.Json.Nodes;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_FileWithEveryRejectionKind_PrintsEachInvalidLineAndExits1()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("mixed.jsonl", EventLines.Join(
            EventLines.Valid("ok-1"),
            EventLines.With("memo", new string('x', 70_000)),
            "{\"eventId\":",
            "[1,2]",
            EventLines.Without("timestamp"),
            "",
            EventLines.With("platform", " northwind"),
            EventLines.With("amount", 0),
            EventLines.With("amount", "1,000"),
            EventLines.With("timestamp", "yesterday"),
            "   ",
            EventLines.With("timestamp", "2026-11-25T10:00:00"),
            EventLines.With("timestamp", "2027-01-01T00:00:00Z"),
            EventLines.With("timestamp", "2008-12-31T00:00:00Z"),
            EventLines.Valid("ok-2")));
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("validate", file);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            """
            line 2: body-too-large: body is 70437 bytes; the limit is 65536 bytes
            line 3: invalid-json: not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed (at byte 12)
            line 4: not-an-object: body must be a JSON object, found an array
            line 5: missing-field: required field 'timestamp' is missing
            line 7: invalid-field: field 'platform' has leading or trailing white space
            line 8: amount-not-positive: field 'amount' must be greater than 0, was 0
            line 9: amount-not-a-number: field 'amount' must be a decimal number, found "1,000"
            line 10: timestamp-unparsable: field 'timestamp' is not an ISO-8601 date-time: "yesterday"
            line 12: timestamp-not-utc: field 'timestamp' has no UTC designator: end it with 'Z' (or an explicit offset)
            line 13: timestamp-in-future: field 'timestamp' 2027-01-01T00:00:00.0000000+00:00 is more than 01:00:00 ahead of the receiver's clock
            line 14: timestamp-too-old: field 'timestamp' 2008-12-31T00:00:00.0000000+00:00 is before 2009-01-03
            checked 13 event(s): 2 valid, 11 invalid

            """,
            cli.Output);
    }

    [Fact]
    public async Task Validate_AllValid_Exits0AndCountsThem()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("valid.jsonl", EventLines.Join(EventLines.Valid("a"), EventLines.Valid("b", platform: "tailspin-exchange"), EventLines.Valid("c")));
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("validate", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("checked 3 event(s): 3 valid, 0 invalid\n", cli.Output);
    }

    [Fact]
    public async Task Validate_StandardInput_ReadsTheDashArgument()
    {
        using var cli = new CliHarness { StandardInput = Encoding.UTF8.GetBytes(EventLines.Join(EventLines.Valid("a"), EventLines.With("amount", -2))) };

        var exitCode = await cli.RunAsync("validate", "-");

        Assert.Equal(1, exitCode);
        Assert.Equal("line 2: amount-not-positive: field 'amount' must be greater than 0, was -2\nchecked 2 event(s): 1 valid, 1 invalid\n", cli.Output);
    }

    [Fact]
    public async Task Validate_FileSavedWithAByteOrderMark_AcceptsItsFirstEvent()
    {
        // What .NET's Encoding.UTF8 writers and many Windows editors write.
        using var directory = new TemporaryDirectory();
        var path = directory.File("events.jsonl");
        File.WriteAllText(path, EventLines.Join(EventLines.Valid("a"), EventLines.Valid("b")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("validate", path);

        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);
        Assert.Equal(0, exitCode);
        Assert.Equal("checked 2 event(s): 2 valid, 0 invalid\n", cli.Output);
    }

    [Fact]
    public async Task Validate_EscapedNewlineInARefusedValue_StaysOneLine()
    {
        using var cli = new CliHarness { StandardInput = Encoding.UTF8.GetBytes(EventLines.With("amount", "1\n2") + "\n") };

        var exitCode = await cli.RunAsync("validate", "-");

        Assert.Equal(1, exitCode);
        Assert.Equal("line 1: amount-not-a-number: field 'amount' must be a decimal number, found \"1\\u000a2\"\nchecked 1 event(s): 0 valid, 1 invalid\n", cli.Output);
    }

    [Fact]
    public async Task Validate_MissingFile_Exits3WithTheReason()
    {
        using var directory = new TemporaryDirectory();
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("validate", directory.File("absent.jsonl"));

        Assert.Equal(3, exitCode);
        Assert.StartsWith("error: Could not find file", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_LineOverTheReadersLimit_GivesItsRealLength()
    {
        using var directory = new TemporaryDirectory();
        var oversized = $$"""{"eventId":"big","memo":"{{new string('x', 5_000_000)}}"}""";
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a"), oversized));
        using var cli = new CliHarness();
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync("validate", file);

        Assert.Equal(1, exitCode);
        Assert.Equal($"line 2: body-too-large: line is {oversized.Length} bytes; lines are read up to 4194304 bytes\nchecked 2 event(s): 1 valid, 1 invalid\n", cli.Output);
    }

    [Fact]
    public async Task Validate_DirectoryGivenAsTheFile_Exits3SayingItIsADirectory()
    {
        using var directory = new TemporaryDirectory();
        using var cli = new CliHarness();
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync("validate", directory.Path);

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: {directory.Path} is a directory, not a file\n", cli.Output);
    }

    [Fact]
    public async Task Validate_NoFileArgument_IsAUsageErrorWithExitCode2()
    {
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("validate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Required argument 'events' missing", cli.CommandLineOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_EmptyFile_Exits0WithNoEvents()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("empty.jsonl", "\n\n");
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("validate", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("checked 0 event(s): 0 valid, 0 invalid\n", cli.Output);
    }

    [Fact]
    public async Task Validate_UnknownFieldsAndStringAmounts_AreValid()
    {
        var line = EventLines.ValidObject();
        line["amount"] = "0.000000000000000001";
        line["scenario"] = new JsonObject { ["kind"] = "producer-specific" };
        using var cli = new CliHarness { StandardInput = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n") };

        var exitCode = await cli.RunAsync("validate", "-");

        Assert.Equal(0, exitCode);
    }
}
