using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Benchmarks.Naive;

/// <summary>One event as the naive detector keeps it: the event, its USD value, and two facts fixed when it arrived.</summary>
internal sealed record NaiveHistoryEntry(WithdrawalEvent Event, decimal Usd, bool ToNewDestination, bool Internal);
