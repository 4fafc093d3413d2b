namespace AlertFunctions.Detection.Tests.Contract;

/// <summary>A clock that can be set anywhere, backwards too (FakeTimeProvider refuses to go back), and counts its reads.</summary>
internal sealed class SteppableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public int Reads { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        Reads++;
        return Now;
    }
}
