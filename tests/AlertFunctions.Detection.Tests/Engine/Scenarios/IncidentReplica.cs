using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A public incident replayed inside busy exchange traffic: from two days before the first theft to three hours after
/// the last, the customers of the platform's hot wallets withdraw (with their accounts, unless the producer sends none), a
/// cold wallet per chain refills the hot wallets, and the thief's transfers go out. Every event carries <c>amountUsd</c>;
/// a producer that reports balances reports them on every event.
/// </summary>
internal sealed class IncidentReplica
{
    public required string Platform { get; init; }
    public required IReadOnlyList<HotWalletTraffic> HotWallets { get; init; }
    public required IReadOnlyList<TheftLeg> Legs { get; init; }

    /// <summary>USD per unit of the assets customers withdraw, so a wallet/asset's units agree across its events (else $1).</summary>
    public IReadOnlyDictionary<string, decimal> PricesUsd { get; init; } = new Dictionary<string, decimal>();

    public DateTimeOffset FirstLeg => Legs.Min(l => l.At);

    public string ColdWalletOn(string chain) => Addresses.Evm($"{Platform}-cold-{chain}");

    public List<WithdrawalEvent> Events(int seed, BalanceReporting balances, bool customerAccounts = true)
    {
        var from = new DateTimeOffset(FirstLeg.UtcDateTime.Date, TimeSpan.Zero).AddDays(-2);
        var to = Legs.Max(l => l.At).AddHours(3);
        var customers = HotWallets.SelectMany((w, i) =>
            new TrafficBuilder(seed * 100 + i) { WithAccounts = customerAccounts, Platform = Platform, Wallet = w.Wallet, Assets = w.Assets, EventsPerHour = w.EventsPerHour, MedianUsd = w.MedianUsd }
                .Between(from, to)
                .Select(e => e with { Chain = w.Chain, Amount = Math.Round(e.AmountUsd!.Value / PricesUsd.GetValueOrDefault(e.Asset, 1m), 8) }));
        var thefts = Legs.Select(l => EventBuilder.Withdrawal().Id(l.Id).Platform(Platform).Chain(l.Chain).Asset(l.Asset).From(l.Wallet)
            .Units(l.Units, l.Usd).To(l.To).At(l.At).Build());
        var events = WalletBalances.Walk(customers.Concat(thefts), [.. Legs], ColdWalletOn);
        return balances == BalanceReporting.EveryEvent ? events : events.Select(e => e with { BalanceAfter = null }).ToList();
    }
}
