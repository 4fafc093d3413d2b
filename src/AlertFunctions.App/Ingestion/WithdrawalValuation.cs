using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// The USD value counted in the daily volume, chosen as the engine chooses it: the producer's <c>amountUsd</c>, else the
/// amount at the rules' reference price, else 0 (an unvalued asset).
/// </summary>
internal static class WithdrawalValuation
{
    public static decimal UsdOf(in WithdrawalEvent withdrawal, DetectionRules rules)
    {
        if (withdrawal.AmountUsd is { } usd)
        {
            return usd;
        }

        return rules.ReferencePricesUsd.TryGetValue(withdrawal.Asset, out var price) ? withdrawal.Amount * price : 0m;
    }
}
