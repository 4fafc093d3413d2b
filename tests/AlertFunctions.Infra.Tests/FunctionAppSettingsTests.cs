using System.Text.Json.Nodes;

namespace AlertFunctions.Infra.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class FunctionAppSettingsTests(CompiledMainTemplate compiled)
{
    [Fact]
    public void AppSettings_SetByBicep_MatchExpectedSettingNames()
    {
        var names = FunctionAppSettingsReader.Read(compiled.Template);

        Assert.Equal(ExpectedAppSettings.OnEveryPlan.Order(StringComparer.Ordinal), names.OnEveryPlan.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppSettings_ElasticPremium_AddOnlyPlatformSettings()
    {
        var names = FunctionAppSettingsReader.Read(compiled.Template);

        Assert.Equal(ExpectedAppSettings.ElasticPremiumOnly.Order(StringComparer.Ordinal), names.ElasticPremiumOnly.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppSettings_TeamsWebhookUrl_IsVersionlessKeyVaultReference()
    {
        var value = SharedSettingValue("Teams__WebhookUrl");

        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})', ", value, StringComparison.Ordinal);
        Assert.Contains(".outputs.teamsWebhookSecretUri.value", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_AlertLinkBaseUrl_IsTheResponderRouteOnDefaultHostName()
    {
        // The card's links must open the Easy Auth responder pages; the function-key routes would answer a browser 401.
        var value = SharedSettingValue("Teams__AlertLinkBaseUrl");

        Assert.StartsWith("[format('https://{0}/api/respond', ", value, StringComparison.Ordinal);
        Assert.Contains(".outputs.defaultHostName.value", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_DailySummarySchedule_DefaultsToFivePastMidnight()
    {
        Assert.Equal("[parameters('dailySummarySchedule')]", SharedSettingValue("DailySummarySchedule"));
        Assert.Equal("0 5 0 * * *", (string?)compiled.Template["parameters"]?["dailySummarySchedule"]?["defaultValue"]);
    }

    private string SharedSettingValue(string name)
    {
        var settings = Assert.Single(
            ArmTemplateResources.OfType(compiled.Template, "Microsoft.Web/sites/config"),
            resource => ((string?)resource.Resource["name"])?.Contains("'appsettings'", StringComparison.Ordinal) == true);
        var shared = settings.Deployment?["properties"]?["parameters"]?[FunctionAppSettingsReader.SharedSettingsParameter]?["value"] as JsonObject;
        return (string?)shared?[name] ?? throw new InvalidOperationException($"App setting {name} is not set.");
    }
}
