using System.Reflection;

namespace AlertFunctions.Infra.Tests;

/// <summary>The settings the Bicep writes are the settings the app reads: checked against the app's own types.</summary>
[Collection(CompiledMainTemplateCollection.Name)]
public sealed class AppSettingsContractTests(CompiledMainTemplate compiled)
{
    private IReadOnlySet<string> Settings => FunctionAppSettingsReader.Read(compiled.Template).OnEveryPlan;

    [Fact]
    public void Bicep_SetsEverySettingTheTriggersResolve()
    {
        var expressions = AppSettingsContract.BindingExpressionSettings();

        Assert.Superset(new HashSet<string>(["EventHubName", "EventHubConsumerGroup", "DailySummarySchedule"]), new HashSet<string>(expressions));
        Assert.All(expressions, name => Assert.Contains(name, Settings));
    }

    [Fact]
    public void Bicep_GivesEveryTriggerConnectionAnIdentityBasedSetting()
    {
        var connections = AppSettingsContract.TriggerConnections();

        Assert.Contains("EventHubConnection", connections);
        Assert.All(connections, connection => Assert.Contains(
            Settings,
            s => s.StartsWith(connection + "__", StringComparison.OrdinalIgnoreCase)
                 && s[(connection.Length + 2)..].ToLowerInvariant() is "fullyqualifiednamespace" or "accountname" or "queueserviceuri"));
    }

    [Fact]
    public void Bicep_SettingsInAnOptionsSection_NameAPropertyOfThatOptionsClass()
    {
        var sectioned = Settings.Where(s => s.Contains("__", StringComparison.Ordinal) && AppSettingsContract.OptionsBySection.ContainsKey(s.Split("__")[0])).ToList();

        Assert.NotEmpty(sectioned);
        Assert.All(sectioned, setting =>
        {
            var (section, property) = (setting.Split("__")[0], setting.Split("__")[1]);
            var type = AppSettingsContract.OptionsBySection[section];
            Assert.True(
                type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true },
                $"{setting}: {type.Name} has no settable property '{property}'");
        });
    }

    [Fact]
    public void Bicep_SetsWhatTheOptionsRequire()
    {
        Assert.Contains("Teams__WebhookUrl", Settings);
        Assert.Contains("Teams__AlertLinkBaseUrl", Settings);
        Assert.Contains(Settings, s => s is "AlertStorage__AccountName" or "AlertStorage__ConnectionString");
    }
}
