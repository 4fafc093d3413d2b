using AlertFunctions.Cli.Replay;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Validation;

/// <summary>
/// Runs every line of a JSON-lines stream through <see cref="WithdrawalEventParser"/>, the receiver's own parser, so
/// <c>validate</c> and <c>send</c> judge an event exactly as the Functions app will. Blank lines are not events and are
/// skipped (as the replay does); a line too long to hold is refused as <see cref="RejectionReason.BodyTooLarge"/>.
/// </summary>
internal sealed class EventLineChecker(TimeProvider clock)
{
    /// <summary>One checked line. <paramref name="line"/> is only valid during the call; <paramref name="bytesRead"/> is the input consumed so far.</summary>
    public delegate void LineHandler(long lineNumber, ReadOnlySpan<byte> line, in ParseResult result, long bytesRead);

    public void CheckAll(Stream input, LineHandler onLine)
    {
        var parser = new WithdrawalEventParser(new ParserOptions(), clock);
        var reader = new JsonLinesReader(input);
        reader.ReadAll((line, lineNumber, lineBytes) =>
        {
            if (line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
            {
                return;
            }

            var result = lineBytes > line.Length
                ? OversizedLine.Rejection(lineBytes, reader.MaxLineBytes)
                : parser.Parse(line);
            onLine(lineNumber, line, result, reader.BytesRead);
        });
    }
}
