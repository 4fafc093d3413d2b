using AlertFunctions.Integration.Tests.Harness;
using AlertFunctions.Testing;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Integration.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class StartupValidationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StartInstanceAsync_RulesFileMissing_TheHostRefusesToStart()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        env.Settings["Detection:RulesFile"] = missing;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => env.StartInstanceAsync());

        Assert.Equal([$"Detection: Detection__RulesFile '{missing}' does not exist."], error.Failures);
    }

    [Fact]
    public async Task StartInstanceAsync_WebhookNotHttps_TheHostRefusesToStartWithoutEchoingTheUrl()
    {
        await using var env = PipelineEnvironment.Create(azurite);
        env.Settings["Teams:WebhookUrl"] = "http://teams.example.com/workflows/x?sig=do-not-log-me";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => env.StartInstanceAsync());

        Assert.Contains("Teams:WebhookUrl must use https", Assert.Single(error.Failures));
        Assert.DoesNotContain("do-not-log-me", error.Message, StringComparison.Ordinal);
    }
}
