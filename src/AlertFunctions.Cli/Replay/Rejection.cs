using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>A refused input line: where it was, why, and its raw bytes (kept so nothing is lost).</summary>
internal sealed record Rejection(long LineNumber, EventRejection Reason, byte[] Raw);
