namespace AlertFunctions.Detection.Engine;

/// <summary>
/// What the engine did with the events it was given. Every accepted event lands in exactly one of <see cref="Evaluated"/>,
/// <see cref="Duplicates"/> and <see cref="InternalTransfers"/>; <see cref="Late"/> and <see cref="Unvalued"/> are subsets of
/// <see cref="Evaluated"/>.
/// </summary>
public sealed class EngineCounters
{
    public long Received { get; internal set; }

    public long Evaluated { get; internal set; }

    public long Duplicates { get; internal set; }

    public long InternalTransfers { get; internal set; }

    /// <summary>Evaluated, but too late for the windows: checked against the watchlist and per-event rules only.</summary>
    public long Late { get; internal set; }

    /// <summary>Evaluated with no USD value (no amountUsd and no reference price): USD thresholds saw 0.</summary>
    public long Unvalued { get; internal set; }

    /// <summary>The counts of several engines (one per partition or replay lane) added up.</summary>
    public static EngineCounters Sum(IEnumerable<EngineCounters> parts)
    {
        var total = new EngineCounters();
        foreach (var part in parts)
        {
            total.Received += part.Received;
            total.Evaluated += part.Evaluated;
            total.Duplicates += part.Duplicates;
            total.InternalTransfers += part.InternalTransfers;
            total.Late += part.Late;
            total.Unvalued += part.Unvalued;
        }

        return total;
    }
}
