using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// Cold-start legs: the withdrawals by which, while a wallet has no baseline, a balance drop cannot be put down to ordinary
/// customers (see <see cref="DrainAssessment.DropIsUnexplained"/>), and which over the long window make a trickle before
/// any baseline forms (see <see cref="RapidDrainRule"/>). Both of the wallet's windows count them as the event arrives,
/// by who sent it and its size, whatever the baseline or which rules are enabled.
/// </summary>
/// <remarks>
/// Only an exchange whose events carry customer accounts can tell a thief's transfer, made with the wallet's key, from a
/// customer's withdrawal (<see cref="RareLegs.IsCounted"/>): there only withdrawals without an account are candidates. On a
/// DeFi platform, a bridge or an exchange that sends no accounts every withdrawal is one, a whale's as much as a thief's,
/// so an hour of candidates only is left to the flat credit (see <see cref="DrainAssessment.DropIsUnexplained"/>).
/// </remarks>
internal static class ColdStartLegs
{
    public static void Mark(in WithdrawalEvent e, decimal usd, WalletAssetState wallet, bool destinationIsNew, bool destinationFirstPaidInLongWindow, decimal destinationPreviousMaxUsd)
    {
        if (RareLegs.IsCounted(e))
        {
            var leg = IsLeg(usd, wallet.Rules, destinationIsNew, destinationFirstPaidInLongWindow, destinationPreviousMaxUsd);
            wallet.Short.MarkColdStartCandidate(e.Timestamp, usd, leg);
            if (wallet.Long.MarkColdStartCandidate(e.Timestamp, usd, leg) && leg)
            {
                wallet.ColdStartLegEvidence.Offer(e, usd);
            }
        }
    }

    /// <summary>
    /// At least the cold-start leg size (<see cref="RapidDrainSettings.ColdStartLegUsd"/>), and not routine for an address
    /// first paid before the long window (within the destination memory) that already received a comparable amount; a thief
    /// reusing the address he made minutes ago still counts.
    /// </summary>
    private static bool IsLeg(decimal usd, RuleSet rules, bool destinationIsNew, bool destinationFirstPaidInLongWindow, decimal destinationPreviousMaxUsd) =>
        usd >= rules.RapidDrain.ColdStartLegUsd
        && (destinationFirstPaidInLongWindow || !rules.LargeWithdrawal.IsRoutineFor(destinationIsNew, destinationPreviousMaxUsd, usd));
}
