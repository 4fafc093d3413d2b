namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Base of every keyed detector state: when it was last touched (for idle eviction) and whether it changed since the last
/// export (so a Functions instance persists only the keys a batch touched).
/// </summary>
internal abstract class TrackedState
{
    public DateTimeOffset LastSeen { get; set; }

    public bool Dirty { get; set; }

    /// <summary>Unique key within the engine, used as the persisted key.</summary>
    public abstract string StateKey { get; }
}
