namespace AlertFunctions.App.Notifications;

/// <summary>The trigger side of the Storage queue that carries "notify Teams about this alert" messages from ingestion to <see cref="NotifyFunction"/>.</summary>
public static class NotificationQueueBinding
{
    public const string Name = "alert-notifications";

    /// <summary>
    /// The connection name: the queue trigger reads <c>AlertStorage</c> (a connection string), or the section
    /// <c>AlertStorage__accountName</c> / <c>AlertStorage__queueServiceUri</c> (identity), or <c>AlertStorage__connectionString</c>.
    /// </summary>
    public const string Connection = "AlertStorage";
}
