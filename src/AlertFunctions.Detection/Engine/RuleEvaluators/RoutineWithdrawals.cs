using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// Routine withdrawals: a customer (with an account) paying an address the platform paid before the long window at least
/// half as much as now — an institution's or a whale's usual address. The volume tests leave them out and the balance test
/// credits them in full: a month-end run of institutional payouts moves millions to known addresses without being a drain,
/// while a thief's legs go to addresses he made (first paid within the window, however often he reuses them) and a
/// transfer made with the wallet's key carries no account.
/// </summary>
internal static class RoutineWithdrawals
{
    public static void Mark(in WithdrawalEvent e, decimal usd, WalletAssetState wallet, bool destinationIsNew, bool destinationFirstPaidInLongWindow, decimal destinationPreviousMaxUsd)
    {
        // Only on an exchange is the account a customer the platform knows; on DeFi platforms and bridges it is the initiating
        // address, which an attacker chooses.
        if (e.PlatformType != PlatformType.Exchange || e.AccountId is null || destinationFirstPaidInLongWindow || !wallet.Rules.LargeWithdrawal.IsRoutineFor(destinationIsNew, destinationPreviousMaxUsd, usd))
        {
            return;
        }

        wallet.Short.MarkRoutine(e.Timestamp, usd);
        wallet.Long.MarkRoutine(e.Timestamp, usd);
    }
}
