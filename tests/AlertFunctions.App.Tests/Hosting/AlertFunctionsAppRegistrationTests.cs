using AlertFunctions.App.AlertsApi;
using AlertFunctions.App.Ingestion;
using AlertFunctions.App.Notifications;
using AlertFunctions.App.Responder;
using AlertFunctions.App.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertFunctions.App.Tests.Hosting;

public sealed class AlertFunctionsAppRegistrationTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["AlertStorage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Teams:WebhookUrl"] = "https://example.webhook.office.com/workflows/abc?sig=secret",
        ["Teams:AlertLinkBaseUrl"] = "https://alerts.example.test/api/respond",
    };

    public static TheoryData<Type> FunctionClasses =>
    [
        typeof(IngestFunction),
        typeof(NotifyFunction),
        typeof(NotificationSweepFunction),
        typeof(DailySummaryFunction),
        typeof(AlertQueryFunctions),
        typeof(AlertActionFunctions),
        typeof(ResponderFunctions),
    ];

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void AddAlertFunctionsApp_ValidSettings_EveryFunctionClassCanBeActivated(Type functionClass)
    {
        using var provider = Build(ValidSettings);
        provider.GetRequiredService<IStartupValidator>().Validate();
        using var scope = provider.CreateScope();

        Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, functionClass));
    }

    [Fact]
    public void AddAlertFunctionsApp_ValidSettings_KeepsOneIngestProcessorForTheLifeOfTheWorker()
    {
        using var provider = Build(ValidSettings);

        using var first = provider.CreateScope();
        using var second = provider.CreateScope();

        Assert.Same(
            first.ServiceProvider.GetRequiredService<IIngestBatchProcessor>(),
            second.ServiceProvider.GetRequiredService<IIngestBatchProcessor>());
    }

    [Fact]
    public void AddAlertFunctionsApp_NoSettings_StartupValidationNamesTheMissingStorageAndTeamsSettings()
    {
        using var provider = Build([]);

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains("AlertStorage: set AlertStorage__ConnectionString, or AlertStorage__AccountName for identity-based access; neither is set.", failures);
        Assert.Contains("Teams:WebhookUrl is required.", failures);
        Assert.Contains("Teams:AlertLinkBaseUrl is required.", failures);
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-alerts.vault.azure.net/secrets/alert-storage/)")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=alertstore;AccountKey=not base64!")]
    public void AddAlertFunctionsApp_StorageConnectionStringUnusable_StartupValidationNamesTheSettingWithoutEchoingIt(string connectionString)
    {
        // An unresolved Key Vault reference reaches the app as its literal text; a pasted key can be cut short.
        using var provider = Build(new(ValidSettings) { ["AlertStorage:ConnectionString"] = connectionString });

        var error = Assert.IsType<OptionsValidationException>(Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate()));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("AlertStorage__ConnectionString", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(connectionString, failure, StringComparison.Ordinal);
    }

    // As the Functions host does: logging and the configuration itself are registered before the app adds its services.
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertFunctionsApp(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
