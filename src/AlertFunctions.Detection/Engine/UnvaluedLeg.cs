using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// A withdrawal nothing valued in USD that made its wallet/asset pair look drained, judged in asset units: what the
/// platform's alert names for that pair. <see cref="EmptiedShare"/> is the share of the pair's balance it took (when the
/// event reported one and that made the finding), <see cref="UsualMultiple"/> how many times the pair's usual withdrawal
/// in units it was (when that did); the other is 0.
/// </summary>
internal readonly record struct UnvaluedLeg(string EventId, string Destination, TransactionHash TxHash, DateTimeOffset Time, decimal Units, double EmptiedShare, double UsualMultiple)
{
    public EvidenceWithdrawal Evidence => new(EventId, Destination, TxHash, 0m, Time);
}
