namespace AlertFunctions.Cli.Send;

/// <summary>The send options do not name one reachable event hub. The message never contains the connection string.</summary>
internal sealed class EventHubTargetException(string message) : Exception(message);
