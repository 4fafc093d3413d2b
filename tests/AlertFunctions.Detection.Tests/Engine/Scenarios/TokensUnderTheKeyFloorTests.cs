using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A compromised hot-wallet key emptied token by token, each to its own new address (Poloniex, Stake.com), by a thief who
/// keeps every transfer just under the $250,000 a single withdrawal to a new address needs to mark its pair drained: three
/// busy wallets on three chains, five tokens each, $240,000 a token within twenty minutes.
/// </summary>
public sealed class TokensUnderTheKeyFloorTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Attack = Day0.AddDays(2).AddHours(14);
    private static readonly string[] Chains = ["ethereum", "bsc", "polygon"];
    private static readonly string[] Tokens = ["USDT", "USDC", "ETH", "DAI", "LINK"];

    [Theory]
    [InlineData(70, false)]
    [InlineData(70, true)]
    [InlineData(170, false)]
    public void FifteenTokensEachJustUnderTheKeyFloorToItsOwnNewAddress_RaiseTheMultiAssetAlertAtTheThirdPair(int seed, bool balances)
    {
        var events = new List<WithdrawalEvent>();
        var leg = 0;
        for (var c = 0; c < Chains.Length; c++)
        {
            var wallet = Addresses.Evm($"stake-{Chains[c]}-{seed}");
            events.AddRange(Customers(seed + c, wallet, Chains[c], balances));
            foreach (var token in Tokens)
            {
                events.Add(EventBuilder.Withdrawal().Id($"leg-{leg:D2}").From(wallet).Chain(Chains[c]).Asset(token).Usd(240_000m)
                    .To(Addresses.Evm($"thief-{seed}-{leg}")).At(Attack.AddSeconds(leg * 80)));
                leg++;
            }
        }

        var run = ScenarioRun.Of(events);

        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd < Attack);
        var alert = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal("leg-02", run.Changes.First(c => c.Alert.AlertId == alert.AlertId).Alert.TriggerEventId);
    }

    [Fact]
    public void FifteenTokensIntoOneNewAddressPerChain_AreTheFirstWalletsAlertAndOneMultiAssetAlertThatTheOthersJoin()
    {
        // The thief reuses one address per chain: after its first leg an address is no longer never-paid, but it was first
        // paid within the long window, so every wallet's later key transfers still mark their pairs drained and join the
        // platform's alert instead of raising one each.
        var events = new List<WithdrawalEvent>();
        var leg = 0;
        for (var c = 0; c < Chains.Length; c++)
        {
            var wallet = Addresses.Evm($"stake-one-{Chains[c]}");
            events.AddRange(Customers(80 + c, wallet, Chains[c], balances: false));
            foreach (var token in Tokens)
            {
                events.Add(EventBuilder.Withdrawal().Id($"leg-{leg:D2}").From(wallet).Chain(Chains[c]).Asset(token).Usd(240_000m)
                    .To(Addresses.Evm($"thief-{Chains[c]}")).At(Attack.AddSeconds(leg * 80)));
                leg++;
            }
        }

        var run = ScenarioRun.Of(events);

        var multiAsset = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal("leg-02", run.Changes.First(c => c.Alert.AlertId == multiAsset.AlertId).Alert.TriggerEventId);
        Assert.Equal(2, run.Alerts.Count);
    }

    [Fact]
    public void CustomersWithdrawingJustUnderTheKeyFloorFromManyPairsAtOnce_RaiseNoMultiAssetAlert()
    {
        // The same transfers, each by a customer (with an account) to a new address: a market-wide rush's whales.
        var events = new List<WithdrawalEvent>();
        var leg = 0;
        for (var c = 0; c < Chains.Length; c++)
        {
            var wallet = Addresses.Evm($"rush-{Chains[c]}");
            events.AddRange(Customers(90 + c, wallet, Chains[c], balances: false));
            foreach (var token in Tokens)
            {
                events.Add(EventBuilder.Withdrawal().Id($"whale-{leg:D2}").From(wallet).Chain(Chains[c]).Asset(token).Usd(240_000m).Account($"acct-whale-{leg}")
                    .To(Addresses.Evm($"whale-{leg}")).At(Attack.AddSeconds(leg * 80)));
                leg++;
            }
        }

        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.MultiAssetDrain));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void APlatformPayingCounterpartiesInSeveralTokensWithoutAnAccount_RaisesNoMultiAssetAlert(int seed)
    {
        // Every two hours or so, a new counterparty is paid $60,000-$300,000 in one to four tokens from the three wallets,
        // without an account: the pairs have learned such transfers, so they do not mark them drained. (Before that
        // behaviour is learned, and through rapid-drain's counts, such a stream can alert: send accounts for it.)
        var random = new Random(seed);
        var events = new List<WithdrawalEvent>();
        for (var c = 0; c < Chains.Length; c++)
        {
            events.AddRange(Customers(200 + (seed * 3) + c, Addresses.Evm($"otc-{Chains[c]}"), Chains[c], balances: false));
        }

        var n = 0;
        for (var t = Day0.AddMinutes(30); t < Attack.AddHours(2); t = t.AddMinutes(60 + random.Next(180)))
        {
            var counterparty = random.Next(1_000_000);
            var legs = 1 + random.Next(4);
            for (var j = 0; j < legs; j++)
            {
                var c = random.Next(Chains.Length);
                events.Add(EventBuilder.Withdrawal().Id($"otc-{n++}").From(Addresses.Evm($"otc-{Chains[c]}")).Chain(Chains[c]).Asset(Tokens[random.Next(Tokens.Length)])
                    .Usd(60_000m + random.Next(240_000)).To(Addresses.Evm($"counterparty-{counterparty}-{c}")).At(t.AddMinutes(j * 3)));
            }
        }

        Assert.Empty(ScenarioRun.Of(events).AlertsOf(RuleIds.MultiAssetDrain));
    }

    /// <summary>A busy hot wallet on one chain: 80 withdrawals an hour over five tokens at a median of $1,500, each with its customer's account.</summary>
    private static IEnumerable<WithdrawalEvent> Customers(int seed, string wallet, string chain, bool balances) =>
        new TrafficBuilder(seed) { Wallet = wallet, Assets = Tokens, EventsPerHour = 80, MedianUsd = 1_500, StartingBalanceUsd = balances ? 3_000_000m : null }
            .Between(Day0, Attack.AddHours(2)).Select(e => e with { Chain = chain });
}
