namespace AlertFunctions.Detection.Engine;

/// <summary>A persisted state this engine could not read (another snapshot version, or a damaged payload), and why.</summary>
public sealed record UnreadableStateEntry(string Key, string Reason);
