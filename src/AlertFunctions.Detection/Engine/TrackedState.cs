namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Base of every keyed detector state: when it was last touched (for idle eviction) and whether it changed since the last
/// export (so a Functions instance persists only the keys a batch touched).
/// </summary>
internal abstract class TrackedState
{
    // UTC ticks (every event time is UTC): half a DateTimeOffset, in every state the engine keeps.
    private long _lastSeenTicks;

    public DateTimeOffset LastSeen
    {
        get => new(_lastSeenTicks, TimeSpan.Zero);
        set => _lastSeenTicks = value.UtcTicks;
    }

    public bool Dirty { get; set; }

    /// <summary>Unique key within the engine, used as the persisted key.</summary>
    public abstract string StateKey { get; }
}
