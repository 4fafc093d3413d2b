using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>large-withdrawal</c> below its floor: one withdrawal of most of a small venue's hot wallet. A hot wallet holding a
/// million or so loses most of it in one transaction of a few hundred thousand, which the $1,000,000 floor, set for large
/// venues' whales, never sees. It counts when the withdrawal goes to an address the platform never paid, is far above the
/// largest withdrawal the wallet/asset routinely makes, and either takes most of the reported balance or, without a
/// balance, was made with the wallet's key (no account on an exchange whose customers' withdrawals carry one). A customer's
/// withdrawal counts only outside a market-wide rush of its hour, as for rapid-drain's large legs: a crash's whales leave
/// thinly funded hot wallets for new self-custody addresses.
/// </summary>
internal static class MostOfASmallWallet
{
    /// <param name="largestRoutine">
    /// The largest withdrawal the wallet/asset routinely makes, as <see cref="LargeWithdrawalRule"/> learned it; null before its
    /// baseline is warm, when nothing tells a small wallet's most from its usual.
    /// </param>
    /// <returns>The threshold the withdrawal crossed and why, or null when it is not such a withdrawal.</returns>
    public static (decimal Threshold, string Basis)? Assess(in EventContext c, decimal? balanceShare, decimal? largestRoutine)
    {
        var settings = c.Rules.LargeWithdrawal;
        ref readonly var e = ref c.Event;
        if (c.Usd < settings.MostOfBalanceMinUsd || !c.DestinationIsNew || largestRoutine is not { } largest
            || !RareLegs.IsCountedAsLargeLeg(e, c.ShortWindow))
        {
            return null;
        }

        var threshold = Math.Max(settings.MostOfBalanceMinUsd, largest * (decimal)settings.MostOfBalanceBaselineMultiple);
        if (c.Usd < threshold)
        {
            return null;
        }

        var floor = $"the {AlertWording.Usd(settings.MostOfBalanceMinUsd)} floor and {settings.MostOfBalanceBaselineMultiple}x its largest routine withdrawal of {AlertWording.Usd(largest)}";
        if (balanceShare is { } share)
        {
            return share >= (decimal)settings.MostOfBalanceShare
                ? (threshold, $"{floor}, for a withdrawal to a never-paid address taking at least {AlertWording.Percent(settings.MostOfBalanceShare)} of the balance")
                : null;
        }

        return c.Platform.IsKeyTransfer(e)
            ? (threshold, $"{floor}, for a withdrawal to a never-paid address without a customer account from a wallet whose customers' withdrawals carry one (no balance reported)")
            : null;
    }
}
