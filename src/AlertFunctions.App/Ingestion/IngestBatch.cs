namespace AlertFunctions.App.Ingestion;

/// <summary>
/// The events one trigger invocation received from one Event Hubs partition, in partition order. Producers key events by
/// platform, so a batch holds whole platforms' streams and the processor can keep per-platform windows in one place.
/// </summary>
public sealed record IngestBatch(string PartitionId, IReadOnlyList<IngestMessage> Messages);
