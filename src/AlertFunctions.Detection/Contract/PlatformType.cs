namespace AlertFunctions.Detection.Contract;

/// <summary>What kind of platform the funds leave. Defaults to <see cref="Exchange"/> when the producer omits it.</summary>
public enum PlatformType
{
    Exchange = 0,
    Defi = 1,
    Bridge = 2,
}
