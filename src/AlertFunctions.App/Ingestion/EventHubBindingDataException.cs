namespace AlertFunctions.App.Ingestion;

/// <summary>
/// The Functions host sent Event Hubs trigger metadata this app cannot read. It signals a host or extension contract change,
/// not a bad event, so it is thrown rather than dead-lettered.
/// </summary>
public sealed class EventHubBindingDataException : Exception
{
    public EventHubBindingDataException(string message)
        : base(message)
    {
    }

    public EventHubBindingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
