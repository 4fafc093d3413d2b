namespace AlertFunctions.Infra.Tests;

/// <summary>
/// The app settings the Bicep must set on the function app: the contract between the Functions app, its options and the
/// infrastructure, listed once; AppSettingsContractTests checks it against the app's own triggers and options types.
/// </summary>
public static class ExpectedAppSettings
{
    public static IReadOnlySet<string> OnEveryPlan { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AzureWebJobsStorage__accountName",
        "EventHubConnection__fullyQualifiedNamespace",
        "EventHubName",
        "EventHubConsumerGroup",
        "AlertStorage__AccountName",
        "Teams__WebhookUrl",
        "Teams__AlertLinkBaseUrl",
        "DailySummarySchedule",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    };

    /// <summary>Flex Consumption takes runtime and package from functionAppConfig and rejects these as app settings.</summary>
    public static IReadOnlySet<string> ElasticPremiumOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_WORKER_RUNTIME",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID",
    };
}
