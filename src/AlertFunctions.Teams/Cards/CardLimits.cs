namespace AlertFunctions.Teams.Cards;

/// <summary>
/// How much evidence and text a card may carry. Builders try each tier in turn and keep the first whose payload fits
/// under <see cref="TeamsMessagePayload.MaxBytes"/>; the last tier fits whatever the input, so a card is always sent.
/// </summary>
internal readonly record struct CardLimits(int MaxListItems, int MaxValueLength, int MaxSentenceLength)
{
    public static IReadOnlyList<CardLimits> Tiers { get; } =
    [
        new(MaxListItems: 10, MaxValueLength: 128, MaxSentenceLength: 1000),
        new(MaxListItems: 5, MaxValueLength: 96, MaxSentenceLength: 500),
        new(MaxListItems: 3, MaxValueLength: 72, MaxSentenceLength: 300),
        new(MaxListItems: 0, MaxValueLength: 48, MaxSentenceLength: 160),
    ];
}
