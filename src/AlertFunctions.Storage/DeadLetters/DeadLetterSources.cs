namespace AlertFunctions.Storage.DeadLetters;

/// <summary>The values of <see cref="DeadLetter.Source"/> written by this codebase.</summary>
public static class DeadLetterSources
{
    public const string EventHub = "eventhub";
    public const string Replay = "replay";
}
