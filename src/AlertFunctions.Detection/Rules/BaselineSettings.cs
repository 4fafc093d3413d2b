namespace AlertFunctions.Detection.Rules;

/// <summary>
/// How learned baselines behave. A baseline learns only from buckets that have left the rapid-drain long window, so a drain
/// in progress (even one that ramps up slowly) never raises its own bar. Learned values decay with <see cref="HalfLifeHours"/>.
/// A baseline is warm, and used, once it has learned at least <see cref="MinHistoryHours"/> and <see cref="MinEvents"/> events.
/// Until then a provisional baseline stands in: the long window minus the short one (history strictly before the window
/// under test), once it spans at least <see cref="ProvisionalHistoryHours"/> and holds <see cref="MinEvents"/> events.
/// </summary>
public sealed record BaselineSettings
{
    public int HalfLifeHours { get; init; } = 168;
    public int MinHistoryHours { get; init; } = 12;
    public int MinEvents { get; init; } = 20;
    public int ProvisionalHistoryHours { get; init; } = 3;

    internal IEnumerable<string> Validate()
    {
        if (HalfLifeHours is < 1 or > 24 * 90) yield return $"baseline.halfLifeHours must be between 1 and 2160, was {HalfLifeHours}";
        if (MinHistoryHours is < 0 or > 24 * 30) yield return $"baseline.minHistoryHours must be between 0 and 720, was {MinHistoryHours}";
        if (ProvisionalHistoryHours is < 1 or > 48) yield return $"baseline.provisionalHistoryHours must be between 1 and 48, was {ProvisionalHistoryHours}";
        if (MinEvents < 0) yield return $"baseline.minEvents must not be negative, was {MinEvents}";
    }
}
