using System.Globalization;

namespace AlertFunctions.Cli.Send;

/// <summary>
/// Events that did not reach Event Hubs: a batch whose creation or send threw (<see cref="Error"/> set), or one event too
/// large for any batch. Lines are the input's line numbers, so a producer can resend exactly those.
/// </summary>
internal sealed record SendFailure(string PartitionKey, long FirstLine, long LastLine, int EventCount, string Reason, Exception? Error)
{
    public string DescribeLines() => FirstLine == LastLine
        ? string.Create(CultureInfo.InvariantCulture, $"line {FirstLine}")
        : string.Create(CultureInfo.InvariantCulture, $"lines {FirstLine}-{LastLine}");
}
