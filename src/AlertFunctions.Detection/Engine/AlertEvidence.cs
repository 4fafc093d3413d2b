using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>One withdrawal an alert names as evidence: what a responder needs to find it and follow the funds.</summary>
internal readonly record struct AlertEvidence(string EventId, string Destination, TransactionHash TxHash);
