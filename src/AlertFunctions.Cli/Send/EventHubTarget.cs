using Azure.Messaging.EventHubs;

namespace AlertFunctions.Cli.Send;

/// <summary>
/// Where <c>send</c> publishes: a namespace and an event hub, reached with Microsoft Entra ID or with a SAS connection
/// string. A class rather than a record, so no generated <c>ToString</c> can ever print the connection string.
/// </summary>
internal sealed class EventHubTarget
{
    private EventHubTarget(string fullyQualifiedNamespace, string eventHubName, string? connectionString, bool eventHubNameFromConnectionString)
    {
        FullyQualifiedNamespace = fullyQualifiedNamespace;
        EventHubName = eventHubName;
        ConnectionString = connectionString;
        EventHubNameFromConnectionString = eventHubNameFromConnectionString;
    }

    public string FullyQualifiedNamespace { get; }

    public string EventHubName { get; }

    /// <summary>The SAS connection string, or null to sign in with Microsoft Entra ID. A secret: never print or log it.</summary>
    public string? ConnectionString { get; }

    /// <summary>True when the hub name is the connection string's EntityPath (the client then must not be given it again).</summary>
    public bool EventHubNameFromConnectionString { get; }

    public override string ToString() => $"event hub '{EventHubName}' in {FullyQualifiedNamespace}";

    /// <summary>Checks the option combination and resolves the hub name.</summary>
    /// <exception cref="EventHubTargetException">The options are missing, conflicting or malformed.</exception>
    public static EventHubTarget Resolve(string? fullyQualifiedNamespace, string? connectionString, string? eventHubName)
    {
        var hub = string.IsNullOrWhiteSpace(eventHubName) ? null : eventHubName.Trim();
        var hasNamespace = !string.IsNullOrWhiteSpace(fullyQualifiedNamespace);
        var hasConnectionString = !string.IsNullOrWhiteSpace(connectionString);
        if (hasNamespace == hasConnectionString)
        {
            throw new EventHubTargetException(hasNamespace
                ? "use either --namespace (Microsoft Entra ID) or --connection-string, not both"
                : "say where to send: --namespace NS.servicebus.windows.net --hub NAME (Microsoft Entra ID), or --connection-string CS");
        }

        return hasNamespace ? FromNamespace(fullyQualifiedNamespace!.Trim(), hub) : FromConnectionString(connectionString!.Trim(), hub);
    }

    private static EventHubTarget FromNamespace(string fullyQualifiedNamespace, string? hub)
    {
        if (Uri.CheckHostName(fullyQualifiedNamespace) != UriHostNameType.Dns || !fullyQualifiedNamespace.Contains('.', StringComparison.Ordinal))
        {
            throw new EventHubTargetException($"--namespace must be the namespace's fully qualified host name, such as mynamespace.servicebus.windows.net; got '{fullyQualifiedNamespace}'");
        }

        return hub is null
            ? throw new EventHubTargetException("--hub NAME is required with --namespace")
            : new EventHubTarget(fullyQualifiedNamespace, hub, connectionString: null, eventHubNameFromConnectionString: false);
    }

    private static EventHubTarget FromConnectionString(string connectionString, string? hub)
    {
        EventHubsConnectionStringProperties properties;
        try
        {
            properties = EventHubsConnectionStringProperties.Parse(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // The parser's own message is not repeated: it is not worth the risk of echoing part of the secret.
            throw new EventHubTargetException("--connection-string is not an Event Hubs connection string (Endpoint=sb://NS.servicebus.windows.net/;SharedAccessKeyName=NAME;SharedAccessKey=KEY[;EntityPath=HUB])");
        }

        if (string.IsNullOrEmpty(properties.FullyQualifiedNamespace))
        {
            throw new EventHubTargetException("--connection-string has no Endpoint=sb://NS.servicebus.windows.net/");
        }

        var entityPath = string.IsNullOrWhiteSpace(properties.EventHubName) ? null : properties.EventHubName;
        if (entityPath is not null && hub is not null && !string.Equals(entityPath, hub, StringComparison.Ordinal))
        {
            throw new EventHubTargetException($"--hub '{hub}' differs from the connection string's EntityPath '{entityPath}'; drop one of them");
        }

        return entityPath is not null
            ? new EventHubTarget(properties.FullyQualifiedNamespace, entityPath, connectionString, eventHubNameFromConnectionString: true)
            : hub is not null
                ? new EventHubTarget(properties.FullyQualifiedNamespace, hub, connectionString, eventHubNameFromConnectionString: false)
                : throw new EventHubTargetException("no event hub name: pass --hub NAME, or use a connection string with EntityPath=NAME");
    }
}
