namespace AlertFunctions.Testing;

/// <summary>
/// A clock that starts at a chosen instant, runs at real speed, and can be moved forward (<see cref="Advance"/>). Timers and
/// timestamps are the system's, so HTTP timeouts and retry delays (Polly takes the container's <see cref="TimeProvider"/>)
/// elapse as in production, while the wall-clock date stays where a test put its events. A frozen
/// <c>FakeTimeProvider</c> would stop those timeouts from ever firing.
/// </summary>
public sealed class OffsetClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startedAt = TimeProvider.System.GetTimestamp();
    private long _advancedTicks;

    public OffsetClock(DateTimeOffset start)
    {
        _start = start.ToUniversalTime();
    }

    public override DateTimeOffset GetUtcNow() =>
        _start + TimeProvider.System.GetElapsedTime(_startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _advancedTicks, by.Ticks);
    }
}
