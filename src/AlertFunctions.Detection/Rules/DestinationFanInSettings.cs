namespace AlertFunctions.Detection.Rules;

/// <summary>
/// <c>destination-fan-in</c>: at least <see cref="MinDistinctAccounts"/> distinct accounts send to one destination within
/// <see cref="WindowMinutes"/>, while the destination is new: within <see cref="NewForHours"/> of its first sighting (the
/// destination was unseen by this platform for the engine's destination memory). The window slides, so a collector paid
/// once before the victims (a test payment), or victims emptied in waves, still count. Chains in <see cref="SharedAddressChains"/> route deposits by memo or tag to shared exchange addresses, so many
/// accounts sending to one address is normal there and the rule is off for them. Needs <c>accountId</c>.
/// </summary>
public sealed record DestinationFanInSettings
{
    public bool Enabled { get; init; } = true;
    public int MinDistinctAccounts { get; init; } = 5;
    public int WindowMinutes { get; init; } = 60;
    public int NewForHours { get; init; } = 24;
    public decimal MinUsd { get; init; } = 1_000m;

    public IReadOnlyList<string> SharedAddressChains { get; init; } =
        ["ripple", "xrp", "stellar", "xlm", "eos", "ton", "cosmos", "atom", "hedera", "hbar", "algorand", "bnb-beacon"];

    internal IEnumerable<string> Validate()
    {
        if (MinDistinctAccounts is < 2 or > 32) yield return $"destinationFanIn.minDistinctAccounts must be between 2 and 32, was {MinDistinctAccounts}";
        if (WindowMinutes is < 1 or > 1440) yield return $"destinationFanIn.windowMinutes must be between 1 and 1440, was {WindowMinutes}";
        if (NewForHours is < 1 or > 168) yield return $"destinationFanIn.newForHours must be between 1 and 168, was {NewForHours}";
        if (NewForHours is >= 1 and <= 168 && WindowMinutes is >= 1 and <= 1440 && NewForHours * 60 < WindowMinutes) yield return $"destinationFanIn.newForHours ({NewForHours} h) must not be shorter than windowMinutes ({WindowMinutes} min)";
        if (MinUsd < 0) yield return $"destinationFanIn.minUsd must not be negative, was {MinUsd}";
        if (SharedAddressChains is null || SharedAddressChains.Any(c => string.IsNullOrWhiteSpace(c))) yield return "destinationFanIn.sharedAddressChains must be a list of chain names";
        foreach (var problem in SettingBounds.Usd(("destinationFanIn.minUsd", MinUsd)))
        {
            yield return problem;
        }
    }
}
