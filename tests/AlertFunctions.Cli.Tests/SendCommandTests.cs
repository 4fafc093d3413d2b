using System.Text;
using System.Text.Json;
using Azure.Messaging.EventHubs;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// <c>send</c> end to end through the root command. There is no Event Hubs emulator for this machine, so the producer is
/// the <see cref="RecordingProducer"/> test double; its batches are real SDK batches with a size limit.
/// </summary>
public sealed class SendCommandTests
{
    private const string Key = "c2VjcmV0LWtleS1ub3QtdG8tYmUtcHJpbnRlZA==";
    private const string ConnectionString = "Endpoint=sb://contoso-ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + Key + ";EntityPath=withdrawals";

    [Fact]
    public async Task Send_MixedFile_SendsValidEventsByPlatformAndReportsInvalidLines()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(
            EventLines.Valid("n-1", platform: "northwind"),
            EventLines.Valid("t-1", platform: "tailspin"),
            EventLines.With("amount", 0),
            EventLines.Valid("n-2", platform: "northwind"),
            "not json",
            EventLines.Valid("t-2", platform: "tailspin"),
            EventLines.Valid("n-3", platform: "northwind")));
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("send", file, "--namespace", "contoso-ns.servicebus.windows.net", "--hub", "withdrawals");

        Assert.Equal(1, exitCode);
        var producer = cli.Producers.Producer;
        Assert.Equal(["n-1", "n-2", "n-3"], EventIds(producer.Sent.Single(b => b.PartitionKey == "northwind")));
        Assert.Equal(["t-1", "t-2"], EventIds(producer.Sent.Single(b => b.PartitionKey == "tailspin")));
        Assert.Equal(2, producer.Sent.Count);
        Assert.True(producer.Disposed);
        Assert.Equal(("contoso-ns.servicebus.windows.net", "withdrawals", null), (cli.Producers.Target!.FullyQualifiedNamespace, cli.Producers.Target.EventHubName, cli.Producers.Target.ConnectionString));
        Assert.Equal(
            """
            Sending to event hub 'withdrawals' in contoso-ns.servicebus.windows.net
            line 3: amount-not-positive: field 'amount' must be greater than 0, was 0
            line 5: invalid-json: not valid JSON: 'not json' is an invalid JSON literal. Expected the literal 'null' (at byte 2)
            7 read: 5 sent in 2 batch(es), 2 rejected (invalid), 0 not sent

            """,
            cli.Output);
    }

    [Fact]
    public async Task Send_EventsFurtherOutOfOrderThanTheLateness_WarnsFirstAndSendsInFileOrder()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(
            EventLines.Valid("a", timestamp: "2026-11-25T10:00:00Z"),
            EventLines.Valid("b", timestamp: "2026-11-25T10:04:00Z"),
            EventLines.Valid("c", timestamp: "2026-11-25T09:00:00Z"),
            EventLines.Valid("d", timestamp: "2026-11-25T10:01:00Z")));
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("send", file, "--connection-string", ConnectionString);

        Assert.Equal(0, exitCode);
        Assert.Equal(["a", "b", "c", "d"], EventIds(Assert.Single(cli.Producers.Producer.Sent)));
        var warning = Assert.Single(cli.Output.Split('\n'), line => line.StartsWith("warning:", StringComparison.Ordinal));
        Assert.StartsWith("warning: 1 event(s) lie more than 5 min behind an earlier event of their platform (the first on line 3)", warning);
    }

    [Fact]
    public async Task Send_EventsReorderedWithinTheLateness_NoWarning()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(
            EventLines.Valid("a", timestamp: "2026-11-25T10:00:00Z"),
            EventLines.Valid("b", timestamp: "2026-11-25T10:04:00Z"),
            EventLines.Valid("c", timestamp: "2026-11-25T10:01:00Z")));
        using var cli = new CliHarness();

        Assert.Equal(0, await cli.RunAsync("send", file, "--connection-string", ConnectionString));

        Assert.DoesNotContain("warning", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AllValidAcrossFullBatches_Exits0WithEveryEventSentOnce()
    {
        using var directory = new TemporaryDirectory();
        var lines = Enumerable.Range(1, 50).Select(i => EventLines.Valid($"e-{i:D3}", platform: i % 3 == 0 ? "tailspin" : "northwind")).ToArray();
        var file = directory.Write("events.jsonl", EventLines.Join(lines));
        using var cli = new CliHarness();
        cli.Producers.Producer = new RecordingProducer(maxBatchBytes: 2_000);

        var exitCode = await cli.RunAsync("send", file, "--connection-string", ConnectionString);

        Assert.Equal(0, exitCode);
        var sent = cli.Producers.Producer.Sent;
        Assert.True(sent.Count > 2, $"expected full batches to split, got {sent.Count} batch(es)");
        Assert.All(sent, b => Assert.True(b.Bodies.Sum(body => Encoding.UTF8.GetByteCount(body)) <= 2_000));
        Assert.All(sent, b => Assert.All(b.Bodies, body => Assert.Equal(b.PartitionKey, JsonDocument.Parse(body).RootElement.GetProperty("platform").GetString())));
        Assert.Equal(lines.Order(StringComparer.Ordinal), sent.SelectMany(b => b.Bodies).Order(StringComparer.Ordinal));
        Assert.EndsWith($"50 read: 50 sent in {sent.Count} batch(es), 0 rejected (invalid), 0 not sent\n", cli.Output, StringComparison.Ordinal);
        Assert.Equal(("withdrawals", true), (cli.Producers.Target!.EventHubName, cli.Producers.Target.EventHubNameFromConnectionString));
    }

    [Fact]
    public async Task Send_BatchFailsWithTheKeyInItsMessage_Exits4AndNeverPrintsTheKey()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a"), EventLines.Valid("b")));
        using var cli = new CliHarness();
        cli.Producers.Producer = new RecordingProducer(maxBatchBytes: 10_000)
        {
            FailSend = _ => new EventHubsException(false, "withdrawals", $"Put token failed for {ConnectionString} (SharedAccessKey={Key})", EventHubsException.FailureReason.GeneralError),
        };
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync("send", file, "--connection-string", ConnectionString);

        Assert.Equal(4, exitCode);
        Assert.DoesNotContain(Key, cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectionString, cli.Output, StringComparison.Ordinal);
        Assert.Contains("lines 1-2 (2 event(s), platform 'northwind-exchange') not sent: the batch was not sent: Put token failed for <redacted>", cli.Output, StringComparison.Ordinal);
        Assert.EndsWith("2 read: 0 sent in 0 batch(es), 0 rejected (invalid), 2 not sent\n", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ClientRefusesTheConnectionString_Exits2WithARedactedMessage()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a")));
        using var cli = new CliHarness();
        cli.Producers.FailCreate = new ArgumentException($"The connection string '{ConnectionString}' is not valid.");

        var exitCode = await cli.RunAsync("send", file, "--connection-string", ConnectionString);

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain(Key, cli.Output, StringComparison.Ordinal);
        Assert.Contains("<redacted>", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RealClientFactory_MalformedConnectionString_Exits2WithoutTheKey()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a")));
        using var cli = new CliHarness();

        var exitCode = await cli.RunAsync("send", file, "--connection-string", $"SharedAccessKeyName=send;SharedAccessKey={Key}", "--hub", "withdrawals");

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain(Key, cli.Output, StringComparison.Ordinal);
        Assert.Null(cli.Producers.Target);
    }

    [Theory]
    [InlineData(new string[0], "error: say where to send: --namespace NS.servicebus.windows.net --hub NAME (Microsoft Entra ID), or --connection-string CS")]
    [InlineData(new[] { "--namespace", "contoso-ns.servicebus.windows.net" }, "error: --hub NAME is required with --namespace")]
    [InlineData(new[] { "--namespace", "https://contoso-ns.servicebus.windows.net/", "--hub", "h" }, "error: --namespace must be the namespace's fully qualified host name, such as mynamespace.servicebus.windows.net; got 'https://contoso-ns.servicebus.windows.net/'")]
    [InlineData(new[] { "--namespace", "contoso-ns.servicebus.windows.net", "--hub", "h", "--connection-string", ConnectionString }, "error: use either --namespace (Microsoft Entra ID) or --connection-string, not both")]
    [InlineData(new[] { "--connection-string", ConnectionString, "--hub", "other" }, "error: --hub 'other' differs from the connection string's EntityPath 'withdrawals'; drop one of them")]
    [InlineData(new[] { "--connection-string", "Endpoint=sb://contoso-ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + Key }, "error: no event hub name: pass --hub NAME, or use a connection string with EntityPath=NAME")]
    [InlineData(new[] { "--connection-string", "garbage" }, "error: --connection-string is not an Event Hubs connection string (Endpoint=sb://NS.servicebus.windows.net/;SharedAccessKeyName=NAME;SharedAccessKey=<redacted>[;EntityPath=HUB])")]
    public async Task Send_TargetOptionsWrong_Exits2WithTheProblem(string[] options, string expected)
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a")));
        using var cli = new CliHarness();
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync(["send", file, .. options]);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected + "\n", cli.Output);
        Assert.Null(cli.Producers.Target);
    }

    [Fact]
    public async Task Send_DirectoryGivenAsTheFile_Exits3SayingItIsADirectory()
    {
        using var directory = new TemporaryDirectory();
        using var cli = new CliHarness();
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync("send", directory.Path, "--namespace", "contoso-ns.servicebus.windows.net", "--hub", "withdrawals");

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: {directory.Path} is a directory, not a file\n", cli.Output);
    }

    [Fact]
    public async Task Send_ConnectionStringPassedAsTheNamespace_ErrorDoesNotShowTheKey()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a")));
        using var cli = new CliHarness();
        cli.Console.Width(400);

        var exitCode = await cli.RunAsync("send", file, "--namespace", ConnectionString, "--hub", "withdrawals");

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain(Key, cli.Output, StringComparison.Ordinal);
        Assert.Contains("SharedAccessKey=<redacted>", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StandardInputWithHubFromOption_SendsEverything()
    {
        using var cli = new CliHarness { StandardInput = Encoding.UTF8.GetBytes(EventLines.Join(EventLines.Valid("a"), EventLines.Valid("b"))) };
        var withoutEntityPath = "Endpoint=sb://contoso-ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + Key;

        var exitCode = await cli.RunAsync("send", "-", "--connection-string", withoutEntityPath, "--hub", "withdrawals");

        Assert.Equal(0, exitCode);
        Assert.Equal(("withdrawals", false), (cli.Producers.Target!.EventHubName, cli.Producers.Target.EventHubNameFromConnectionString));
        Assert.Equal(["a", "b"], EventIds(Assert.Single(cli.Producers.Producer.Sent)));
        Assert.DoesNotContain(Key, cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_LargeFileOnAnInteractiveConsole_ShowsProgressAndSendsAll()
    {
        using var directory = new TemporaryDirectory();
        var padding = new string('x', 600);
        var lines = Enumerable.Range(1, 2_000).Select(i =>
        {
            var json = EventLines.ValidObject($"e-{i}", platform: $"platform-{i % 4}");
            json["memo"] = padding;
            return json.ToJsonString();
        }).ToList();
        lines.Insert(1_000, EventLines.Without("asset"));
        var file = directory.Write("large.jsonl", EventLines.Join([.. lines]));
        Assert.True(new FileInfo(file).Length > 1024 * 1024);
        using var cli = new CliHarness();
        cli.Console.Interactive();
        cli.Console.Width(200);

        var exitCode = await cli.RunAsync("send", file, "--namespace", "contoso-ns.servicebus.windows.net", "--hub", "withdrawals");

        Assert.Equal(1, exitCode);
        Assert.Contains("Sending", cli.Output, StringComparison.Ordinal);
        Assert.Contains("line 1001: missing-field: required field 'asset' is missing", cli.Output, StringComparison.Ordinal);
        Assert.Contains("2001 read: 2000 sent in", cli.Output, StringComparison.Ordinal);
        Assert.Equal(2_000, cli.Producers.Producer.Sent.Sum(b => b.Count));
        Assert.Equal(4, cli.Producers.Producer.Sent.Select(b => b.PartitionKey).Distinct().Count());
    }

    private static List<string> EventIds(SentBatch batch) =>
        batch.Bodies.Select(body => JsonDocument.Parse(body).RootElement.GetProperty("eventId").GetString()!).ToList();
}
