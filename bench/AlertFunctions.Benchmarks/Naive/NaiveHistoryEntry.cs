using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Benchmarks.Naive;

/// <summary>One event as the naive detector keeps it: the event, its USD value, and the facts fixed when it arrived.</summary>
internal sealed record NaiveHistoryEntry(WithdrawalEvent Event, decimal Usd, bool ToNewDestination, bool Internal)
{
    /// <summary>No account, on an exchange that had sent accounts before: made with a platform wallet's own key.</summary>
    public bool KeyTransfer { get; init; }

    /// <summary>Judged a large leg (against its own hour, to an address first paid within the long window) when it arrived.</summary>
    public bool LargeLeg { get; set; }

    /// <summary>Judged for its size when it arrived (the wallet had history), and judged rare (rareLegMeanMultiple x the history's mean); a rare leg when also to an address first paid within the long window.</summary>
    public bool Judged { get; set; }

    public bool Rare { get; set; }

    public bool RareLeg { get; set; }

    /// <summary>
    /// A cold-start leg, as the engine counts them when the event arrives: at least the cold-start leg size, without a
    /// customer account on an exchange, and not routine for an address paid before the long window. (On DeFi platforms and
    /// bridges every withdrawal may be one, but an hour of nothing else keeps the flat credit, as in the engine.)
    /// </summary>
    public bool ColdStartLeg { get; set; }
}
