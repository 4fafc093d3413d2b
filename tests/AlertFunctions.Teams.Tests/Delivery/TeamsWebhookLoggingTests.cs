using AlertFunctions.Teams.Delivery;
using AlertFunctions.Teams.Tests.Cards;
using AlertFunctions.Teams.Tests.Fakes;
using AlertFunctions.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AlertFunctions.Teams.Tests.Delivery;

public sealed class TeamsWebhookLoggingTests
{
    [Fact]
    public async Task PostAsync_RetriesFailuresTimeoutsAndSuccess_NeverLogTheWebhookUrl()
    {
        var logs = new CapturingLoggerProvider();
        await using var endpoint = FakeTeamsEndpoint.Start();
        await using (var services = TeamsTestServices.Build(endpoint.WebhookUrl, logs, new Dictionary<string, string?> { ["Teams:MaxAttempts"] = "3" }))
        {
            endpoint.Enqueue(FakeResponse.Status(500), FakeResponse.TooManyRequests("0"), FakeResponse.Accepted());
            var delivered = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(AlertCardFactory.Create().Build(SampleAlerts.Ethereum()));

            endpoint.Fallback = FakeResponse.Status(503);
            var rejected = await services.GetRequiredService<ITeamsNotifier>().NotifyAsync(SampleAlerts.Tron());

            Assert.True(delivered.Delivered, delivered.ToString());
            Assert.False(rejected.Delivered);
        }

        await using (var services = TeamsTestServices.Build(
            endpoint.WebhookUrl, logs, new Dictionary<string, string?> { ["Teams:AttemptTimeout"] = "00:00:00.200", ["Teams:MaxAttempts"] = "2" }))
        {
            endpoint.Fallback = FakeResponse.NoAnswer();
            var timedOut = await services.GetRequiredService<TeamsWebhookClient>().PostAsync(AlertCardFactory.Create().Build(SampleAlerts.Bitcoin()));

            Assert.False(timedOut.Delivered);
        }

        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Teams delivery attempt", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Teams delivery failed", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Exception is not null);
        Assert.All(entries, entry =>
        {
            Assert.DoesNotContain(endpoint.Signature, entry.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(endpoint.WorkflowPath, entry.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("/workflows/", entry.AllText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task CapturingLoggerProvider_DefaultHttpClientLogging_WouldExposeTheUrl()
    {
        // Proves the capture above can see a leak: the stock HttpClient logging writes the request URI.
        var logs = new CapturingLoggerProvider();
        await using var endpoint = FakeTeamsEndpoint.Start();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddHttpClient("stock");
        await using var provider = services.BuildServiceProvider();

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("stock")
            .PostAsync(endpoint.WebhookUrl, new StringContent("{}"));

        Assert.Contains(logs.Entries, entry => entry.AllText.Contains(endpoint.WorkflowPath, StringComparison.Ordinal));
    }
}
