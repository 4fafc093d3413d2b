using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;

namespace AlertFunctions.Cli.Tests.Native;

/// <summary>
/// The tool as it ships: published natively, with trimming, and without the JIT. Libraries that use reflection (Azure SDK
/// clients, option binding, JSON) can build cleanly and still fail at run time there, so each command that reaches one is
/// run through the published executable against real local services.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedNativeToolTests(AzuriteFixture azurite, NativeToolFixture tool) : IClassFixture<NativeToolFixture>
{
    [NativeToolFact]
    public async Task Replay_OfTheEmbeddedSampleDay_WritesTheSameAlertBytesAsTheToolUnderTheJit()
    {
        using var directory = new TemporaryDirectory();
        var native = directory.File("native.jsonl");
        var jit = directory.File("jit.jsonl");

        var (nativeExit, _, nativeError) = await CliProcess.RunExecutableAsync(tool.Executable, null, "replay", "--no-progress", "--alerts-out", native);
        var (jitExit, _, jitError) = await CliProcess.RunAsync(null, "replay", "--no-progress", "--alerts-out", jit);

        Assert.True(nativeExit == 0, nativeError);
        Assert.True(jitExit == 0, jitError);
        Assert.NotEmpty(File.ReadAllLines(native));
        Assert.Equal(File.ReadAllBytes(jit), File.ReadAllBytes(native));
    }

    [NativeToolFact]
    public async Task Replay_WithARulesFileAWatchlistAndRejectedOut_WritesWhatTheToolUnderTheJitWrites_AndABadRulesFileFailsAlike()
    {
        using var directory = new TemporaryDirectory();
        // The rules file goes through the rules' source-generated JSON metadata; the watchlist lists the destination of the
        // sample's largest theft as a mixer, so it must add a mixer-usage alert to the sample day's.
        var rules = directory.Write("rules.json", """{ "allowedLatenessSeconds": 240, "defaults": { "rapidDrain": { "minUsd": 100000 } }, "assets": { "USDT": { "largeWithdrawal": { "minUsd": 2000000 } } } }""");
        var badRules = directory.Write("bad-rules.json", """{ "defaults": { "rapidDrain": { "minUsd": "many", "bogus": 1 } } }""");
        var watchlist = directory.Write("watchlist.csv", "address,chain,category,label,source\n0x371849f9bed9274e739d233001414a93e141f495,ethereum,mixer,Test mixer,test\n");
        var events = directory.Write("events.jsonl", string.Join('\n', [.. SampleDay.ReadLines(), "{\"eventId\": \"broken\"", "not json"]) + "\n");
        string[] Replay(string alerts, string rejected) => ["replay", events, "--no-progress", "--rules", rules, "--watchlist", watchlist, "--alerts-out", alerts, "--rejected-out", rejected];

        var native = await CliProcess.RunExecutableAsync(tool.Executable, null, Replay(directory.File("native-alerts.jsonl"), directory.File("native-rejected.jsonl")));
        var jit = await CliProcess.RunAsync(null, Replay(directory.File("jit-alerts.jsonl"), directory.File("jit-rejected.jsonl")));
        var nativeBad = await CliProcess.RunExecutableAsync(tool.Executable, null, "replay", events, "--no-progress", "--rules", badRules);
        var jitBad = await CliProcess.RunAsync(null, "replay", events, "--no-progress", "--rules", badRules);

        Assert.True(native.ExitCode == 0, native.StandardError);
        Assert.True(jit.ExitCode == 0, jit.StandardError);
        Assert.Contains(
            File.ReadAllLines(directory.File("native-alerts.jsonl")),
            line => line.Contains("\"rule\":\"mixer-usage\"", StringComparison.Ordinal)
                && line.Contains("\"subject\":\"0x371849f9bed9274e739d233001414a93e141f495\"", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(directory.File("jit-alerts.jsonl")), File.ReadAllBytes(directory.File("native-alerts.jsonl")));
        Assert.Equal(2, File.ReadAllLines(directory.File("native-rejected.jsonl")).Length);
        Assert.Equal(File.ReadAllBytes(directory.File("jit-rejected.jsonl")), File.ReadAllBytes(directory.File("native-rejected.jsonl")));
        Assert.Equal(3, nativeBad.ExitCode);
        Assert.Contains("line 1: defaults.rapidDrain.minUsd must be a number, was \"many\"", Encoding.UTF8.GetString(nativeBad.StandardOutput), StringComparison.Ordinal);
        Assert.Contains("line 1: unknown setting 'bogus' in defaults.rapidDrain", Encoding.UTF8.GetString(nativeBad.StandardOutput), StringComparison.Ordinal);
        Assert.Equal(jitBad.ExitCode, nativeBad.ExitCode);
        Assert.Equal(jitBad.StandardOutput, nativeBad.StandardOutput);
        Assert.Equal(jitBad.StandardError, nativeBad.StandardError);
    }

    [NativeToolFact]
    public async Task GenerateSample_Natively_WritesTheSameBytesAsTheToolUnderTheJit()
    {
        using var directory = new TemporaryDirectory();
        string[] Generate(string file) => ["generate-sample", file, "--days", "1", "--events-per-day", "200", "--pad-to-bytes", "400"];

        var native = await CliProcess.RunExecutableAsync(tool.Executable, null, Generate(directory.File("native.jsonl")));
        var jit = await CliProcess.RunAsync(null, Generate(directory.File("jit.jsonl")));

        Assert.True(native.ExitCode == 0, native.StandardError);
        Assert.True(jit.ExitCode == 0, jit.StandardError);
        Assert.NotEmpty(File.ReadAllLines(directory.File("native.jsonl")));
        Assert.Equal(File.ReadAllBytes(directory.File("jit.jsonl")), File.ReadAllBytes(directory.File("native.jsonl")));
    }

    [NativeToolFact]
    public async Task Replay_WithStorageAndWebhook_StoresDeadLettersAndPostsEachAlertOnce_AndAReplayPostsNothingMore()
    {
        await using var teams = FakeTeamsEndpoint.Start();
        using var directory = new TemporaryDirectory();
        var events = directory.File("events.jsonl");
        // A week earlier than the sample day ReplayPipelineTests forwards to the same Azurite, so the alert ids (which
        // name their window) differ and neither test finds the other's alerts already stored and posted.
        File.WriteAllLines(events, [.. SampleDay.ReadLines().Select(line => Earlier(line, TimeSpan.FromDays(7))), "{\"eventId\": \"broken\""]);
        var alertsOut = directory.File("alerts.jsonl");
        string[] forward = ["--no-progress", "--storage", azurite.ConnectionString, "--teams-webhook", teams.WebhookUrl.ToString()];

        var (exitCode, output, error) = await CliProcess.RunExecutableAsync(tool.Executable, null, ["replay", events, "--alerts-out", alertsOut, .. forward]);

        Assert.True(exitCode == 0, error);
        var printed = Encoding.UTF8.GetString(output);
        var alertIds = File.ReadAllLines(alertsOut).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("alertId").GetString()!).ToList();
        Assert.NotEmpty(alertIds);
        Assert.Contains($"{alertIds.Count} alert row(s) written or updated, 1 rejected line(s) dead-lettered, {alertIds.Count} Teams card(s) posted", printed, StringComparison.Ordinal);
        Assert.Equal(alertIds.Count, teams.AcceptedBodies.Count);
        Assert.All(alertIds, id => Assert.Single(teams.AcceptedBodies, body => body.Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain("AccountKey", printed + error, StringComparison.Ordinal);

        await ForwardedAlerts.AssertEachStoredAndNotifiedAsync(azurite.ConnectionString, alertIds);

        var (secondExit, secondOutput, secondError) = await CliProcess.RunExecutableAsync(tool.Executable, null, ["replay", events, .. forward]);

        Assert.True(secondExit == 0, secondError);
        Assert.Contains("0 alert row(s) written or updated, 1 rejected line(s) dead-lettered, 0 Teams card(s) posted", Encoding.UTF8.GetString(secondOutput), StringComparison.Ordinal);
        Assert.Equal(alertIds.Count, teams.AcceptedBodies.Count);
    }

    [NativeToolFact]
    public async Task Send_ToAnEventHubsEndpointThatRefusesConnections_ReachesTheTransportAndReportsEveryEventNotSent()
    {
        using var directory = new TemporaryDirectory();
        var events = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a"), EventLines.Valid("b")));
        const string key = "c2VuZC1rZXktbm90LXRvLWJlLXByaW50ZWQ=";
        var connectionString = $"Endpoint=sb://127.0.0.1:{RefusedPort()}/;SharedAccessKeyName=sender;SharedAccessKey={key};EntityPath=withdrawals";

        var (exitCode, output, error) = await CliProcess.RunExecutableAsync(tool.Executable, null, "send", events, "--no-progress", "--connection-string", connectionString);

        var printed = Encoding.UTF8.GetString(output) + error;
        Assert.True(exitCode == 4, $"exit {exitCode}: {printed}");
        Assert.Contains("2 read: 0 sent in 0 batch(es), 0 rejected (invalid), 2 not sent", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("missing native code", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, printed, StringComparison.Ordinal);
    }

    [NativeToolFact]
    public async Task SchemaAndValidate_Natively_PrintWhatTheToolUnderTheJitPrints()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("events.jsonl", EventLines.Join(EventLines.Valid("a"), EventLines.With("amount", "-1")));

        var nativeSchema = await CliProcess.RunExecutableAsync(tool.Executable, null, "schema");
        var nativeValidate = await CliProcess.RunExecutableAsync(tool.Executable, null, "validate", file);
        var jitValidate = await CliProcess.RunAsync(null, "validate", file);

        Assert.Equal(ShippedSchema.ReadBytes(), nativeSchema.StandardOutput);
        Assert.Equal(1, nativeValidate.ExitCode);
        Assert.Equal(jitValidate.StandardOutput, nativeValidate.StandardOutput);
    }

    private static string Earlier(string line, TimeSpan by)
    {
        var e = JsonNode.Parse(line)!.AsObject();
        var timestamp = DateTimeOffset.Parse(e["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture) - by;
        e["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return e.ToJsonString();
    }

    private static int RefusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
