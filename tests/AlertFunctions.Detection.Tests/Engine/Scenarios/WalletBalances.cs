using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// One consistent balance series per wallet and asset over a replay, so that a producer reporting balances reports them
/// as a wallet would: customers' withdrawals lower a hot wallet's $2,000,000 float and the chain's cold wallet (holding
/// $50,000,000 of each asset) tops it up again, an internal transfer that is itself an event, once it falls under 30%.
/// The public figures say what a thief took, not what the pair held: his first transfer finds what the pair holds, or,
/// when he took more or the pair never moved before (a long-tail token), as much as he took and 3% more. After that
/// transfer a pair neither refills nor is refilled, and a customer's withdrawal it can no longer pay is not made.
/// </summary>
internal static class WalletBalances
{
    private const decimal HotFloatUsd = 2_000_000m;
    private const decimal ColdHoldingsUsd = 50_000_000m;
    private const decimal LeftByTheThief = 0.03m;

    public static List<WithdrawalEvent> Walk(IEnumerable<WithdrawalEvent> events, IReadOnlyCollection<TheftLeg> legs, Func<string, string> coldWalletOn)
    {
        var thefts = legs.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var stolen = legs.GroupBy(l => (l.Wallet, l.Asset)).ToDictionary(g => g.Key, g => g.Sum(l => l.Usd));
        var balances = new Dictionary<(string Wallet, string Asset), decimal>();
        var emptied = new HashSet<(string Wallet, string Asset)>();
        var walked = new List<WithdrawalEvent>();
        foreach (var e in events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal))
        {
            var pair = (e.SourceWallet, e.Asset);
            var cold = coldWalletOn(e.Chain);
            var usd = e.AmountUsd!.Value;
            var theft = thefts.Contains(e.EventId);
            var balance = balances.GetValueOrDefault(pair, theft ? 0m : e.SourceWallet == cold ? ColdHoldingsUsd : HotFloatUsd);
            if (theft && emptied.Add(pair))
            {
                balance = Math.Max(balance, stolen[pair] / (1 - LeftByTheThief));
            }
            else if (emptied.Contains(pair) && balance < usd)
            {
                continue;
            }

            balance -= usd;
            walked.Add(e with { BalanceAfter = Math.Round(balance * e.Amount / usd, 8) });
            var coldPair = (cold, e.Asset);
            if (e.SourceWallet != cold && !emptied.Contains(pair) && !emptied.Contains(coldPair) && balance < HotFloatUsd * 0.3m)
            {
                var refill = HotFloatUsd - balance;
                var coldBalance = balances.GetValueOrDefault(coldPair, ColdHoldingsUsd) - refill;
                balances[coldPair] = coldBalance;
                walked.Add(EventBuilder.Withdrawal().Id($"refill-{e.EventId}").Platform(e.Platform).Chain(e.Chain).Asset(e.Asset).From(cold).To(e.SourceWallet)
                    .Units(Math.Round(refill * e.Amount / usd, 8), refill).Balance(Math.Round(coldBalance * e.Amount / usd, 8)).At(e.Timestamp.AddSeconds(1)));
                balance = HotFloatUsd;
            }

            balances[pair] = balance;
        }

        return walked;
    }
}
