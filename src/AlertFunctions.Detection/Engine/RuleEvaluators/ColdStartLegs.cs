using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// Cold-start legs: the withdrawals that, while a wallet has no baseline, a balance drop cannot be put down to ordinary
/// customers by (see <see cref="DrainAssessment.DropIsUnexplained"/>). The wallet's short window counts them as the event
/// arrives, by a fixed size and whatever the baseline or which rules are enabled, so the count depends on the events alone.
/// </summary>
internal static class ColdStartLegs
{
    public static void Mark(in WithdrawalEvent e, decimal usd, WalletAssetState wallet, bool destinationIsNew, bool destinationFirstPaidInLongWindow, decimal destinationPreviousMaxUsd)
    {
        if (IsLeg(e, usd, wallet.Rules, destinationIsNew, destinationFirstPaidInLongWindow, destinationPreviousMaxUsd))
        {
            wallet.Short.MarkColdStartLeg(e.Timestamp, usd);
        }
    }

    /// <summary>
    /// At least the cold-start leg size (<see cref="RapidDrainSettings.ColdStartLegUsd"/>); without a customer account on an
    /// exchange that sends them (<see cref="RareLegs.IsCounted"/>: a whale's or a market maker's withdrawal has one, a
    /// transfer made with the wallet's key has none); and not routine for a destination paid before the long window (a
    /// market maker taking its inventory in chunks to the address it always uses; a thief reusing the address he made
    /// minutes ago still counts).
    /// </summary>
    private static bool IsLeg(in WithdrawalEvent e, decimal usd, RuleSet rules, bool destinationIsNew, bool destinationFirstPaidInLongWindow, decimal destinationPreviousMaxUsd) =>
        usd >= rules.RapidDrain.ColdStartLegUsd
        && RareLegs.IsCounted(e)
        && (destinationFirstPaidInLongWindow || !rules.LargeWithdrawal.IsRoutineFor(destinationIsNew, destinationPreviousMaxUsd, usd));
}
