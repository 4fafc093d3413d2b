using AlertFunctions.Teams.Cards;
using AlertFunctions.Teams.Delivery;
using AlertFunctions.Teams.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AlertFunctions.Teams.Tests;

public sealed class TeamsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddTeamsNotifier_ValidConfiguration_BindsTheTeamsSectionAndResolvesEverything()
    {
        await using var provider = TeamsTestServices.Build(
            new Uri("http://127.0.0.1:9/hook"),
            overrides: new Dictionary<string, string?>
            {
                ["Teams:MaxAttempts"] = "3",
                ["Teams:AttemptTimeout"] = "00:00:02",
                ["Teams:MaxRetryAfter"] = "00:00:07",
                ["Teams:MaxRequestsPerSecond"] = "2",
            });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<TeamsOptions>>().Value;

        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), options.MaxRetryAfter);
        Assert.Equal(2, options.MaxRequestsPerSecond);
        Assert.Equal(TeamsTestServices.AlertLinkBaseUrl, options.AlertLinkBaseUrl);
        Assert.IsType<TeamsAlertNotifier>(provider.GetRequiredService<ITeamsNotifier>());
        Assert.NotNull(provider.GetRequiredService<TeamsWebhookClient>());
        Assert.NotNull(provider.GetRequiredService<AlertCard>());
        Assert.NotNull(provider.GetRequiredService<DailySummaryCard>());
    }

    [Fact]
    public async Task AddTeamsNotifier_MissingWebhookUrl_FailsAtStartUpWithClearMessage()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AlertLinkBaseUrl"] = "https://alerts.example.test/api" })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddTeamsNotifier(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Teams:WebhookUrl is required.", Assert.Single(error.Failures));
    }

    [Theory]
    [InlineData("MaxAttempts")]
    [InlineData("MaxRequestsPerSecond")]
    [InlineData("AttemptTimeout")]
    [InlineData("TotalTimeout")]
    [InlineData("MaxRetryAfter")]
    [InlineData("RetryBaseDelay")]
    public async Task AddTeamsNotifier_NumberOrDurationSetButBlank_FailsAtStartUpNamingIt(string setting)
    {
        // A blanked app setting (Teams__MaxAttempts=) was refused at start-up by the reflection binder; the generated
        // binder would quietly keep the default instead.
        await using var provider = TeamsTestServices.Build(
            new Uri("http://127.0.0.1:9/hook"),
            overrides: new Dictionary<string, string?> { [$"Teams:{setting}"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal($"Teams:{setting} is set but empty; give it a value or remove it to use the default.", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task AddTeamsNotifier_PlainHttpToRemoteHost_FailsAtStartUpWithoutEchoingTheUrl()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Teams:WebhookUrl"] = "http://hooks.example.test/invoke?sig=very-secret",
                ["Teams:AlertLinkBaseUrl"] = "https://alerts.example.test/api",
                ["Teams:MaxRequestsPerSecond"] = "0",
            })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddTeamsNotifier(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Teams:WebhookUrl must use https (http is allowed only for a loopback host such as 127.0.0.1 or localhost).",
                "Teams:MaxRequestsPerSecond must be between 1 and 50.",
            ],
            error.Failures);
        Assert.DoesNotContain("very-secret", error.Message, StringComparison.Ordinal);
    }
}
