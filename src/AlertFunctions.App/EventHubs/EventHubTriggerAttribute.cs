using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// Deliberately in the official attribute's namespace and with its shape, so function code compiles unchanged against this
// file or against Microsoft.Azure.Functions.Worker.Extensions.EventHubs (MSBuild switch UseOfficialEventHubsExtension).
namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Marks a parameter as bound to an Event Hubs trigger. Stands in for the official attribute on machines whose feed does not
/// serve the worker extension package; it produces the same function metadata (type <c>eventHubTrigger</c>).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="DefaultValueAttribute"/> here is the Functions one (Extensions.Abstractions), not System.ComponentModel's: the
/// metadata source generator looks only for the former on <c>IsBatched</c>, and with the latter it dereferences a missing
/// attribute and fails the build with a NullReferenceException (CS8785), while the MSBuild metadata task silently omits
/// <c>cardinality</c>.
/// </para>
/// <para>
/// No [assembly: ExtensionInformation] is declared for the host's Event Hubs extension: with it, the build would generate and
/// restore a WorkerExtensions project referencing Microsoft.Azure.WebJobs.Extensions.EventHubs, which this feed lacks. The
/// consequence is that a build with this attribute does not load the Event Hubs extension in the Functions host; deploy with
/// -p:UseOfficialEventHubsExtension=true.
/// </para>
/// </remarks>
[BindingCapabilities(KnownBindingCapabilities.FunctionLevelRetry)]
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventHubTriggerAttribute : TriggerBindingAttribute, ISupportCardinality
{
    private bool _isBatched = true;

    /// <param name="eventHubName">The event hub to listen on; <c>%Setting%</c> reads it from app settings.</param>
    public EventHubTriggerAttribute(string eventHubName)
    {
        EventHubName = eventHubName;
    }

    public string EventHubName { get; private set; }

    /// <summary>The consumer group; the host uses <c>$Default</c> when it is not set.</summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>The app setting name (or prefix, for an identity-based connection) of the Event Hubs connection.</summary>
    public string? Connection { get; set; }

    /// <summary>True (the default) delivers events in batches; the parameter must then be a collection.</summary>
    [DefaultValue(true)]
    public bool IsBatched
    {
        get => _isBatched;
        set => _isBatched = value;
    }

    Cardinality ISupportCardinality.Cardinality
    {
        get => _isBatched ? Cardinality.Many : Cardinality.One;
        set => _isBatched = value == Cardinality.Many;
    }
}
