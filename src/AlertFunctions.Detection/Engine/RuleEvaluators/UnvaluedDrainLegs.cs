using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// Withdrawals of a token nothing values in USD (no <c>amountUsd</c>, no reference price, no priced withdrawal of it in the
/// wallet's long window) that make their pair count as drained for <see cref="MultiAssetDrainRule"/>, judged in asset units
/// since every USD floor passes them at 0. An exchange listing hundreds of long-tail tokens often prices none of them, and a
/// stolen key empties them one transfer each (Upbit 2025: 23 Solana tokens in an hour; Poloniex 2023: 317 tokens). Each
/// must go to an address first paid within the long window (the thief's few fresh addresses, reused from token to token):
/// <list type="bullet">
/// <item>emptied: it took at least 90% of the balance it reports, a balance not refilled since the pair's previous reported
/// one, and at least half of what the pair held at the start of the long window, so the last crumbs of a hot wallet that
/// customers already ran down do not count;</item>
/// <item>outsized: at least rapid-drain's large-leg multiple (20×) of the pair's learned mean withdrawal in units, once that
/// is learned (as warm as the USD baseline, from as many withdrawals), and, when it reports a balance, at least the
/// rule's balance-drop fraction (30%) of it.</item>
/// </list>
/// One such pair is a whale leaving with most of an illiquid token; the rule needs several within its window.
/// </summary>
internal static class UnvaluedDrainLegs
{
    private const double EmptiedShare = DrainAssessment.AlmostEmpty;
    private const decimal ShareOfWindowStartBalance = 0.5m;

    public static bool TryJudge(in EventContext c, out UnvaluedLeg leg)
    {
        leg = default;
        ref readonly var e = ref c.Event;
        if (c.Usd != 0m || !c.InWindows || !c.DestinationFirstPaidInLongWindow)
        {
            return false;
        }

        var emptied = EmptiedShareOf(e, c.Wallet, c.PreviousBalance);
        // A withdrawal that barely dented the balance it reports is a large customer's, however far above the usual size.
        var multiple = e.BalanceAfter is { } after && (double)(e.Amount / (after + e.Amount)) < c.Rules.MultiAssetDrain.KeyBalanceDropFraction ? 0 : UsualMultipleOf(e, c.Wallet);
        if (emptied < EmptiedShare && multiple < c.Rules.RapidDrain.LargeLegMeanMultiple)
        {
            return false;
        }

        leg = new UnvaluedLeg(e.EventId, e.DestinationAddress, e.TxHashValue, e.Timestamp, e.Amount,
            emptied >= EmptiedShare ? emptied : 0, multiple >= c.Rules.RapidDrain.LargeLegMeanMultiple ? multiple : 0);
        return true;
    }

    /// <returns>
    /// The share of its balance the withdrawal took; 0 without a reported balance, when it took too little of the window's
    /// start, or when the wallet was refilled for it: a hot wallet topped up from cold storage for each large withdrawal
    /// (a thin wallet of a long-tail token) is left near empty by its customers' withdrawals every time, where a thief
    /// empties the balance that stood there.
    /// </returns>
    private static double EmptiedShareOf(in WithdrawalEvent e, WalletAssetState w, decimal? previousBalance)
    {
        if (e.BalanceAfter is not { } after)
        {
            return 0;
        }

        var before = after + e.Amount;
        if (previousBalance is { } previous && before > previous)
        {
            return 0;
        }

        if (w.Long.BalanceAtWindowStart is { } start && e.Amount < ShareOfWindowStartBalance * start)
        {
            return 0;
        }

        return (double)(e.Amount / before);
    }

    /// <returns>The withdrawal over the pair's learned mean in units; 0 before that is learned.</returns>
    private static double UsualMultipleOf(in WithdrawalEvent e, WalletAssetState w)
    {
        var mean = w.Baseline.MeanEventUnits;
        if (!w.IsBaselineWarm || w.Baseline.UnitEventsLearned < w.Rules.Baseline.MinEvents || mean <= 0)
        {
            return 0;
        }

        return (double)e.Amount / mean;
    }
}
