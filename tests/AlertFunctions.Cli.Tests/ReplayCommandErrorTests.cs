using System.Globalization;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// What <c>replay</c> says when an output, a storage account or a webhook cannot be used: one line naming the option or
/// the service and why, before any input is read whenever that can be known without the network.
/// </summary>
public sealed class ReplayCommandErrorTests
{
    [Theory]
    [InlineData("--alerts-out")]
    [InlineData("--rejected-out")]
    public async Task Replay_OutputInAMissingDirectory_Exits3BeforeReadingAnyInput(string option)
    {
        using var directory = new TemporaryDirectory();
        var missing = directory.File("missing");
        var output = Path.Combine(missing, "out.jsonl");
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", SampleDay.Path, option, output);

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: {option}: cannot create {output}: the directory {missing} does not exist\n", cli.Output);
    }

    [Fact]
    public async Task Replay_AlertsOutToAFullDevice_Exits3BeforeReadingAnyInput()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Linux only: the device that refuses every write with "no space left".
        }

        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", SampleDay.Path, "--alerts-out", "/dev/full");

        Assert.Equal(3, exitCode);
        Assert.StartsWith("error: --alerts-out: cannot write /dev/full: No space left on device", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Events read", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NoAlerts_LeavesAnEmptyAlertsFile()
    {
        // The output is checked with a byte before the replay; a replay with nothing to write must not leave that byte.
        using var directory = new TemporaryDirectory();
        var events = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a")));
        var alertsOut = directory.Write("alerts.jsonl", "old contents\n");
        using var cli = NewWideHarness();

        Assert.Equal(0, await cli.RunAsync("replay", events, "--alerts-out", alertsOut));

        Assert.Empty(File.ReadAllBytes(alertsOut));
    }

    [Fact]
    public async Task Replay_AlertsOutNamesTheEventsFile_IsAUsageErrorAndKeepsTheFile()
    {
        using var directory = new TemporaryDirectory();
        var events = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a")));
        var before = File.ReadAllBytes(events);
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", events, "--alerts-out", events);

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: --alerts-out names the events file {events}, which it would overwrite; write to another file\n", cli.Output);
        Assert.Equal(before, File.ReadAllBytes(events));
    }

    [Fact]
    public async Task Replay_BothOutputsNameOneFile_IsAUsageError()
    {
        using var directory = new TemporaryDirectory();
        var output = directory.File("out.jsonl");
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", SampleDay.Path, "--alerts-out", output, "--rejected-out", output);

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --alerts-out and --rejected-out name the same file; give each its own\n", cli.Output);
    }

    [Fact]
    public async Task Replay_UnusableStorageConnectionString_Exits3NamingTheOptionBeforeReadingAnyInput()
    {
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", SampleDay.Path, "--storage", "AccountKey=c2VjcmV0;nonsense");

        Assert.Equal(3, exitCode);
        Assert.Equal(
            "error: --storage is not a usable storage connection string: give the account's connection string (DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…), or UseDevelopmentStorage=true for Azurite.\n",
            cli.Output);
    }

    [Fact]
    public async Task Replay_TeamsWebhookOverPlainHttp_Exits3NamingTheOptionNotTheUrl()
    {
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", SampleDay.Path, "--teams-webhook", "http://example.com/hook?sig=SECRETSIG");

        Assert.Equal(3, exitCode);
        Assert.Equal("error: --teams-webhook must use https (http is allowed only for a loopback host such as 127.0.0.1 or localhost).\n", cli.Output);
    }

    [Fact]
    public async Task Replay_StorageRefusesConnections_Exits3NamingTableStorageItsHostAndTheCause()
    {
        var closed = FreeTcpPorts.Pick(1)[0];
        var port = closed.ToString(CultureInfo.InvariantCulture);
        var storage = DevelopmentStorageAccount.ConnectionString(closed, closed, closed);
        using var directory = new TemporaryDirectory();
        var events = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a"), "{not json"));
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", events, "--storage", storage);

        Assert.Equal(3, exitCode);
        Assert.Matches($@"\nerror: Table Storage at 127\.0\.0\.1:{port} \(account devstoreaccount1\): connection refused after [0-9]+ tries\.\n$", cli.Output);
        Assert.DoesNotContain(DevelopmentStorageAccount.AccountKey, cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WebhookAnswers400_SaysWhyTheCardsWereNotDeliveredWithoutTheUrl()
    {
        await using var teams = FakeTeamsEndpoint.Start();
        teams.Fallback = FakeResponse.Status(400);
        using var cli = NewWideHarness();

        var exitCode = await cli.RunAsync("replay", SampleDay.Path, "--teams-webhook", teams.WebhookUrl.ToString());

        Assert.Equal(0, exitCode);
        var notDelivered = teams.Requests.Count;
        Assert.NotEqual(0, notDelivered);
        Assert.Contains($"0 Teams card(s) posted, {notDelivered} not delivered.\nTeams: {notDelivered} card(s) not delivered: Teams answered 400 (BadRequest).\n", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(teams.Signature, cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(teams.WorkflowPath, cli.Output, StringComparison.Ordinal);
    }

    private static CliHarness NewWideHarness()
    {
        var cli = new CliHarness();
        cli.Console.Width(400);
        return cli;
    }
}
