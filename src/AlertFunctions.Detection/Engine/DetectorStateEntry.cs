namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The persisted state of one detector key (a wallet/asset, an account, a destination or a platform).
/// <see cref="Key"/> is unique within the engine and may contain any character (addresses, platform ids): stores must encode it.
/// <see cref="Payload"/> is an opaque, versioned binary snapshot that only the engine reads.
/// </summary>
public sealed record DetectorStateEntry(string Key, byte[] Payload);
