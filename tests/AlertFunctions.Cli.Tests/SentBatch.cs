namespace AlertFunctions.Cli.Tests;

/// <summary>A batch the recording producer was asked to send: its partition key, its count as the batch reports it, and its events.</summary>
internal sealed record SentBatch(string? PartitionKey, int Count, IReadOnlyList<string> Bodies, IReadOnlyList<string?> MessageIds, IReadOnlyList<string?> ContentTypes);
