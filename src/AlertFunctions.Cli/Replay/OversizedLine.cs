using System.Globalization;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>The refusal of a line longer than the reader keeps, worded like the parser's own body-size refusal.</summary>
internal static class OversizedLine
{
    public static ParseResult Rejection(long lineBytes, int maxLineBytes) =>
        ParseResult.Invalid(RejectionReason.BodyTooLarge, string.Create(CultureInfo.InvariantCulture, $"line is {lineBytes} bytes; lines are read up to {maxLineBytes} bytes"));
}
