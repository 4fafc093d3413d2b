namespace AlertFunctions.Detection.Rules;

/// <summary><c>sanctioned-destination</c>: the destination is on a sanctions or law-enforcement list. Any amount, always critical.</summary>
public sealed record SanctionedDestinationSettings
{
    public bool Enabled { get; init; } = true;

    internal IEnumerable<string> Validate()
    {
        yield break;
    }
}
