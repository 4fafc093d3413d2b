namespace AlertFunctions.Cli.Replay;

/// <summary>
/// The replay's first pass over a file, which can be read twice: each platform's source wallets (<see cref="SourceWalletScan"/>)
/// and whether the events are in an order the replay can take as it comes (<see cref="EventOrderCheck"/>). Standard input
/// is read once and replayed without it (<see cref="NotRead"/>).
/// </summary>
internal sealed record InputSurvey(IReadOnlyDictionary<string, IReadOnlyCollection<string>> KnownWallets, InputOrder Order)
{
    public static InputSurvey NotRead { get; } = new(new Dictionary<string, IReadOnlyCollection<string>>(), InputOrder.NotChecked);

    /// <summary>
    /// Reads the stream from its current position to the end and rewinds it there, so the main pass reads it again; a
    /// stream that cannot seek (standard input) is not read (<see cref="NotRead"/>).
    /// </summary>
    public static InputSurvey Read(Stream input, TimeSpan lateness, AcceptedTimes accepted)
    {
        if (!input.CanSeek)
        {
            return NotRead;
        }

        var start = input.Position;
        var wallets = new SourceWalletScan();
        var order = new EventOrderCheck(lateness, accepted);
        new JsonLinesReader(input).ReadAll((line, lineNumber, truncated) =>
        {
            if (truncated)
            {
                return;
            }

            var fields = FirstPassFields.Read(line);
            wallets.Add(fields.Platform, fields.SourceWallet);
            order.Add(lineNumber, fields.Platform, fields.Timestamp);
        });
        input.Position = start;
        return new InputSurvey(wallets.Wallets, order.Result);
    }
}
