using System.Text.Json;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;
using Spectre.Console.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// <c>replay --storage --teams-webhook</c> against a real Azurite and a real local HTTP listener standing in for the Teams
/// Workflows webhook: the replay's alerts go through the Functions app's own stores and Teams client.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplayPipelineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Replay_WithStorageAndWebhook_StoresAndPostsEachAlertOnce_AndAReplayPostsNothingMore()
    {
        await using var teams = FakeTeamsEndpoint.Start();
        using var directory = new TemporaryDirectory();
        var events = directory.File("events.jsonl");
        File.WriteAllLines(events, [.. SampleDay.ReadLines(), "{\"eventId\": \"broken\""]);
        var alertsOut = directory.File("alerts.jsonl");

        using var first = new CliHarness();
        first.Console.Width(250);
        var exitCode = await first.RunAsync("replay", events, "--alerts-out", alertsOut, "--storage", azurite.ConnectionString, "--teams-webhook", teams.WebhookUrl.ToString());

        Assert.Equal(0, exitCode);
        var alertIds = File.ReadAllLines(alertsOut).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("alertId").GetString()!).ToList();
        Assert.NotEmpty(alertIds);
        Assert.Equal(alertIds.Count, teams.AcceptedBodies.Count);
        Assert.All(alertIds, id => Assert.Single(teams.AcceptedBodies, body => body.Contains(id, StringComparison.Ordinal)));
        Assert.Contains($"{alertIds.Count} alert row(s) written or updated, 1 rejected line(s) dead-lettered, {alertIds.Count} Teams card(s) posted", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(teams.Signature, first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", first.Output, StringComparison.Ordinal);

        await ForwardedAlerts.AssertEachStoredAndNotifiedAsync(azurite.ConnectionString, alertIds);

        using var second = new CliHarness();
        second.Console.Width(250);
        Assert.Equal(0, await second.RunAsync("replay", events, "--storage", azurite.ConnectionString, "--teams-webhook", teams.WebhookUrl.ToString()));

        Assert.Equal(alertIds.Count, teams.AcceptedBodies.Count);
        Assert.Contains("0 alert row(s) written or updated", second.Output, StringComparison.Ordinal);
        Assert.Contains("0 Teams card(s) posted", second.Output, StringComparison.Ordinal);
    }
}
