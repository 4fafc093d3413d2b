namespace AlertFunctions.Storage.Configuration;

/// <summary>
/// Where alerts, dead letters, detector state, summaries and the notification queue live (configuration section <c>AlertStorage</c>).
/// Exactly one of <see cref="ConnectionString"/> and <see cref="AccountName"/> is set; the account name means identity-based access.
/// </summary>
public sealed class AlertStorageOptions
{
    public const string SectionName = "AlertStorage";
    public const string NotificationQueueBaseName = "alert-notifications";

    /// <summary>A storage connection string, or <c>UseDevelopmentStorage=true</c> for a local Azurite. A secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account name; tables and queues are reached at https://{name}.table|queue.core.windows.net with DefaultAzureCredential.</summary>
    public string? AccountName { get; set; }

    /// <summary>
    /// Prepended to every table and queue name (lowercased for the queue). Empty in production; tests set a unique value so
    /// they never share tables.
    /// </summary>
    public string TableNamePrefix { get; set => field = value ?? ""; } = "";

    public string AlertsTableName => TableNamePrefix + "alerts";
    public string DeadLettersTableName => TableNamePrefix + "deadletters";
    public string DetectorStateTableName => TableNamePrefix + "detectorstate";
    public string SummariesTableName => TableNamePrefix + "summaries";
    public string DailyVolumeTableName => TableNamePrefix + "dailyvolume";

    /// <summary>With the default empty prefix this is <c>alert-notifications</c>, the name the queue-triggered delivery function listens on.</summary>
    public string NotificationQueueName => TableNamePrefix.ToLowerInvariant() + NotificationQueueBaseName;
}
