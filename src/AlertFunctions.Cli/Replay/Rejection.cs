using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// A refused input line: where it was, why, and its raw bytes (kept so nothing is lost), which are only the first
/// <see cref="JsonLinesReader.MaxLineBytes"/> of a line longer than that (<see cref="IsTruncated"/>).
/// </summary>
/// <param name="LineBytes">The line's real length in bytes, without its line break.</param>
internal sealed record Rejection(long LineNumber, EventRejection Reason, byte[] Raw, long LineBytes)
{
    public bool IsTruncated => LineBytes > Raw.Length;
}
