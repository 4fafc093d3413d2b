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

    [Fact]
    public async Task RunAsync_DrainJustAfterMidnight_ItsAlertIsCountedInTheSummaryOfTheDayItHappened()
    {
        // A drain at 00:10 UTC: its rapid-drain window reaches back over midnight. The summary of the day before ran at 00:05,
        // before the drain, so the drain's day is the only summary that can tell the compliance lead about it.
        var afterMidnight = new DateTimeOffset(2026, 3, 15, 0, 10, 0, TimeSpan.Zero);
        await using var env = PipelineEnvironment.Create(azurite, afterMidnight);
        var app = await env.StartInstanceAsync();
        var drain = new DrainScenario("contoso-exchange", "hot-m", afterMidnight);
        await app.Processor.ProcessAsync(new EventHubBatches("0", afterMidnight).Next(drain.Legs(0, 8)), CancellationToken.None);
        var alert = Assert.Single(await env.AllAlertsAsync());
        env.Clock.Advance(TimeSpan.FromHours(24));

        await app.SummaryJob.RunAsync(Day.AddDays(1), CancellationToken.None);

        var summary = Assert.Single(await env.Stores.Summaries.ListByDayAsync(Day.AddDays(1)));
        Assert.Equal(8L, summary.Withdrawals);
        Assert.Equal(new Dictionary<string, int> { [RuleIds.RapidDrain] = 1 }, summary.AlertsByRule);
        Assert.Equal(alert.Alert.AlertId, Assert.Single(summary.TopSubjects).AlertId);
    }

    [Fact]
    public async Task DailySummaryFunction_TeamsDownThroughEveryRetryOfTheDay_TheNextTimerRunPostsTheMissedSummaries()
    {
        // Teams is down from 00:05 until after the timer's three retries: the rows are stored, nothing is posted, and no later
        // run looks at that day again unless the timer's next run does.
        await using var env = PipelineEnvironment.Create(azurite, Afternoon);
        var app = await env.StartInstanceAsync();
        await IngestTheDayAsync(env, app);
        var timer = new DailySummaryFunction(app.SummaryJob, env.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<DailySummaryFunction>.Instance);
        env.Teams.Fallback = FakeResponse.Status(503);
        for (var run = 0; run < 4; run++)
        {
            await Assert.ThrowsAsync<DailySummaryDeliveryException>(() => timer.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None));
        }

        env.Teams.Fallback = FakeResponse.Accepted();
        env.Clock.Advance(TimeSpan.FromDays(1));
        await timer.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.All(await env.Stores.Summaries.ListByDayAsync(Day), s => Assert.NotNull(s.PostedAt));
        Assert.Equal(2, SummaryPosts(env.Teams).Count);
    }

    [Fact]
    public async Task RunAsync_ColdWalletRefillsTheHotWallet_TheRefillIsNotCountedAsAWithdrawalOrInTheVolume()
    {
        // The hot wallet pays two customers; the cold wallet, which sent funds before, refills the hot one with $5,000,000.
        // That refill is an internal transfer (README: "Internal transfers are not withdrawals"), not customers' money leaving.
        await using var env = PipelineEnvironment.Create(azurite, Afternoon);
        var app = await env.StartInstanceAsync();
        var hot = WithdrawalJson.Address("hot-i");
        var cold = WithdrawalJson.Address("cold-i");
        List<string> bodies =
        [
            WithdrawalJson.Body("pay-1", "contoso-exchange", hot, WithdrawalJson.Address("customer-1"), "ETH", 1m, 3_000m, DrainStart, accountId: "acct-1"),
            WithdrawalJson.Body("sweep-1", "contoso-exchange", cold, WithdrawalJson.Address("treasury"), "ETH", 1m, 3_000m, DrainStart.AddMinutes(1)),
            WithdrawalJson.Body("refill-1", "contoso-exchange", cold, hot, "ETH", 1_000m, 3_000_000m, DrainStart.AddMinutes(2)),
            WithdrawalJson.Body("pay-2", "contoso-exchange", hot, WithdrawalJson.Address("customer-2"), "ETH", 1m, 3_000m, DrainStart.AddMinutes(3), accountId: "acct-2"),
        ];
        await app.Processor.ProcessAsync(new EventHubBatches("0", DrainStart).Next(bodies), CancellationToken.None);
        env.Clock.Advance(UntilTimerFires);

        await app.SummaryJob.RunAsync(Day, CancellationToken.None);

        var summary = Assert.Single(await env.Stores.Summaries.ListByDayAsync(Day));
        Assert.Equal((3L, 9_000m), (summary.Withdrawals, summary.VolumeUsd));
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
