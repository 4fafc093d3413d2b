namespace AlertFunctions.Detection.Contract;

/// <summary>Limits the contract enforces on every event body.</summary>
public sealed record ParserOptions
{
    /// <summary>Bodies larger than this are refused before any parsing (64 KiB; a withdrawal is a few hundred bytes).</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>How far past the parser's clock a timestamp may lie before it is refused as absurd (clock skew between producers).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Timestamps before this are refused: nothing was withdrawn from a crypto platform before Bitcoin's genesis block.</summary>
    public DateTimeOffset MinTimestamp { get; init; } = new(2009, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Longest accepted value of any identifier or address field.</summary>
    public int MaxFieldLength { get; init; } = 256;
}
