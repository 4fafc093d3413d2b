namespace AlertFunctions.Cli.Replay;

/// <summary>
/// One sequential read of lines for the first pass (see <see cref="InputSurvey"/>): their source wallets, their order and
/// how many lines there were, numbered from 1 in the stream read.
/// </summary>
internal sealed class SurveyPass(TimeSpan lateness, AcceptedTimes accepted)
{
    public SourceWalletScan Wallets { get; } = new();

    public EventOrderCheck Order { get; private set; } = new(lateness, accepted);

    public long Lines { get; private set; }

    public void Read(Stream lines, bool startsFile)
    {
        new JsonLinesReader(lines, startsFile: startsFile).ReadAll((line, lineNumber, lineBytes) =>
        {
            Lines = lineNumber;
            if (lineBytes > line.Length)
            {
                return;
            }

            var fields = FirstPassFields.Read(line);
            Wallets.Add(fields.Platform, fields.SourceWallet);
            Order.Add(lineNumber, fields.Platform, fields.Timestamp, fields.EventId);
        });
    }

    /// <summary>Checks the order of <paramref name="lines"/> again, continuing from what <paramref name="earlier"/> checked.</summary>
    public void ReadOrderAfter(EventOrderCheck earlier, Stream lines)
    {
        Order = EventOrderCheck.ContinuedFrom(earlier);
        new JsonLinesReader(lines, startsFile: false).ReadAll((line, lineNumber, lineBytes) =>
        {
            if (lineBytes == line.Length)
            {
                var fields = FirstPassFields.Read(line);
                Order.Add(lineNumber, fields.Platform, fields.Timestamp, fields.EventId);
            }
        });
    }
}
