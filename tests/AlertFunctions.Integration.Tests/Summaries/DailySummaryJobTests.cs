using AlertFunctions.Detection.Alerts;
using AlertFunctions.Integration.Tests.Events;
using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.App.Summaries;
using AlertFunctions.Storage.Summaries;
using AlertFunctions.Testing;
using AlertFunctions.Testing.Teams;

namespace AlertFunctions.Integration.Tests.Summaries;

[Collection(AzuriteCollection.Name)]
public sealed class DailySummaryJobTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 3, 14);
    private static readonly DateTimeOffset Afternoon = new(2026, 3, 14, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DrainStart = Afternoon.AddHours(-1);
    private static readonly TimeSpan UntilTimerFires = TimeSpan.FromHours(8).Add(TimeSpan.FromMinutes(5));

    [Fact]
    public async Task RunAsync_DayWithADrainBenignTrafficAndADeadLetter_OneCorrectRowAndOnePostPerPlatformEvenWhenRunTwice()
    {
        await using var env = PipelineEnvironment.Create(azurite, Afternoon);
        var app = await env.StartInstanceAsync();
        var (drain, traffic) = await IngestTheDayAsync(env, app);

        await app.SummaryJob.RunAsync(Day, CancellationToken.None);
        var first = await env.Stores.Summaries.ListByDayAsync(Day);
        await env.DeliverQueuedNotificationsAsync(app);
        await app.SummaryJob.RunAsync(Day, CancellationToken.None);
        var second = await env.Stores.Summaries.ListByDayAsync(Day);

        var alert = Assert.Single(await env.AllAlertsAsync());
        Assert.Equal(["contoso-exchange", "fabrikam-exchange"], first.Select(s => s.Platform));
        var contoso = first[0];
        Assert.Equal((8L, 8 * DrainScenario.LegUsd, 0L, 1L, 1L), (contoso.Withdrawals, contoso.VolumeUsd, contoso.DeadLettered, contoso.DeadLetteredWithoutPlatform, contoso.UndeliveredNotifications));
        Assert.Equal(new Dictionary<string, int> { [RuleIds.RapidDrain] = 1 }, contoso.AlertsByRule);
        Assert.Equal(new Dictionary<string, int> { [alert.Alert.Severity.ToName()] = 1 }, contoso.AlertsBySeverity);
        Assert.Equal([new SummarySubject(drain.Wallet, "sourceWallet", RuleIds.RapidDrain, alert.Alert.AmountUsd, alert.Alert.AlertId)], contoso.TopSubjects);
        var fabrikam = first[1];
        Assert.Equal((40L, traffic.VolumeUsd, 1L, 1L, 0L), (fabrikam.Withdrawals, fabrikam.VolumeUsd, fabrikam.DeadLettered, fabrikam.DeadLetteredWithoutPlatform, fabrikam.UndeliveredNotifications));
        Assert.Empty(fabrikam.AlertsByRule);
        Assert.Empty(fabrikam.TopSubjects);

        // The re-run overwrote the numbers (the alert is delivered now) but posted nothing more.
        Assert.Equal(2, second.Count);
        Assert.Equal(0L, second[0].UndeliveredNotifications);
        Assert.Equal(first.Select(s => s.PostedAt), second.Select(s => s.PostedAt));
        Assert.All(second, s => Assert.NotNull(s.PostedAt));
        var summaryPosts = SummaryPosts(env.Teams);
        Assert.Equal(2, summaryPosts.Count);
        Assert.Single(summaryPosts, body => body.Contains("contoso-exchange", StringComparison.Ordinal));
        Assert.Single(summaryPosts, body => body.Contains("fabrikam-exchange", StringComparison.Ordinal));
        Assert.All(summaryPosts, body => Assert.Contains("Dead-lettered, naming no platform", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PlatformWhoseEveryEventWasRefused_GetsASummaryCountingItsDeadLetters()
    {
        // A producer that broke overnight sends nothing valid: no volume, no alerts, and before, no summary of its own.
        await using var env = PipelineEnvironment.Create(azurite, Afternoon);
        var app = await env.StartInstanceAsync();
        var refused = Enumerable.Range(0, 3).Select(i => WithdrawalJson.Body(
            $"broken-{i}", "northwind-exchange", WithdrawalJson.Address("hot"), WithdrawalJson.Address($"to-{i}"), "ETH", 0m, 0m, DrainStart.AddMinutes(i))).ToList();
        await app.Processor.ProcessAsync(new EventHubBatches("2", DrainStart).Next(refused), CancellationToken.None);
        env.Clock.Advance(UntilTimerFires);

        await app.SummaryJob.RunAsync(Day, CancellationToken.None);

        var summary = Assert.Single(await env.Stores.Summaries.ListByDayAsync(Day));
        Assert.Equal(("northwind-exchange", 0L, 3L, 0L), (summary.Platform, summary.Withdrawals, summary.DeadLettered, summary.DeadLetteredWithoutPlatform));
        Assert.Contains("Action needed", Assert.Single(SummaryPosts(env.Teams)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TeamsDownThenBack_StoresEveryRowThrowsAndTheRetryPostsEachPlatformOnce()
    {
        await using var env = PipelineEnvironment.Create(azurite, Afternoon);
        var app = await env.StartInstanceAsync();
        await IngestTheDayAsync(env, app);
        env.Teams.Fallback = FakeResponse.Status(500);

        var failure = await Assert.ThrowsAsync<DailySummaryDeliveryException>(() => app.SummaryJob.RunAsync(Day, CancellationToken.None));

        Assert.Equal(2, failure.Failures.Count);
        Assert.All(await env.Stores.Summaries.ListByDayAsync(Day), s => Assert.Null(s.PostedAt));
        env.Teams.Fallback = FakeResponse.Accepted();
        await app.SummaryJob.RunAsync(Day, CancellationToken.None);
        await app.SummaryJob.RunAsync(Day, CancellationToken.None);

        Assert.Equal(2, SummaryPosts(env.Teams).Count);
        Assert.All(await env.Stores.Summaries.ListByDayAsync(Day), s => Assert.NotNull(s.PostedAt));
    }

    private static async Task<(DrainScenario Drain, BenignTraffic Traffic)> IngestTheDayAsync(PipelineEnvironment env, AppInstance app)
    {
        var drain = new DrainScenario("contoso-exchange", "hot-h", DrainStart);
        var traffic = new BenignTraffic("fabrikam-exchange", seed: 11, DrainStart);
        await app.Processor.ProcessAsync(new EventHubBatches("0", DrainStart).Next(drain.Legs(0, 8)), CancellationToken.None);
        await app.Processor.ProcessAsync(new EventHubBatches("1", DrainStart).Next([.. traffic.Next(40), "not json", RefusedBodyNaming("fabrikam-exchange")]), CancellationToken.None);
        env.Clock.Advance(UntilTimerFires);
        return (drain, traffic);
    }

    // Valid JSON naming its platform, refused for its amount: the dead letter counts for that platform.
    private static string RefusedBodyNaming(string platform) =>
        WithdrawalJson.Body("refused-1", platform, WithdrawalJson.Address("hot-r"), WithdrawalJson.Address("to-r"), "ETH", -1m, 10m, DrainStart);

    private static List<string> SummaryPosts(FakeTeamsEndpoint teams) =>
        [.. teams.AcceptedBodies.Where(body => body.Contains("Daily summary", StringComparison.Ordinal))];
}
