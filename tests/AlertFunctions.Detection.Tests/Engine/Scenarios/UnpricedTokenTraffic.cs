using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// One hot wallet of an exchange that lists many long-tail tokens and prices none of them: customers' withdrawals of each
/// token carry no <c>amountUsd</c>, and no reference price exists. Each token has its own price (unknown to the engine), rate
/// and hot balance, refilled (internally, not an event) when it runs low. Scheduled <see cref="Leg"/>s are emitted in the
/// same stream, so a leg's <c>balanceAfter</c> is consistent with the customers' withdrawals around it. Seeded.
/// </summary>
internal sealed class UnpricedTokenTraffic
{
    private readonly Random _random;
    private readonly List<(string Account, string Address)> _customers = [];
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);

    public UnpricedTokenTraffic(int seed, int tokens = 40, bool thinWallets = false)
    {
        ThinWallets = thinWallets;
        _random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            _customers.Add(($"acct-lt-{seed}-{i}", Addresses.Evm($"lt-customer-{seed}-{i}")));
        }

        for (var i = 0; i < tokens; i++)
        {
            // Prices from a fraction of a cent to tens of dollars; rates from a withdrawal every five hours to four an hour.
            var price = Math.Round((decimal)Math.Exp(Uniform(Math.Log(0.0005), Math.Log(40))), 6);
            var perHour = Math.Exp(Uniform(Math.Log(0.2), Math.Log(4)));
            var balanceUsd = ThinWallets ? (decimal)Math.Exp(Uniform(Math.Log(3_000), Math.Log(30_000))) : (decimal)Math.Exp(Uniform(Math.Log(600_000), Math.Log(2_800_000)));
            Tokens.Add(new Token($"LT{i:D2}", price, perHour, Math.Round(balanceUsd / price, 4)));
        }
    }

    public sealed record Token(string Asset, decimal PriceUsd, double PerHour, decimal StartingUnits);

    /// <summary>A transfer the thief makes with the wallet's key: <paramref name="Share"/> of the token's balance at that moment.</summary>
    public sealed record Leg(string Id, DateTimeOffset At, string Asset, decimal Share, string Destination);

    public List<Token> Tokens { get; } = [];

    public string Platform { get; init; } = "northwind-exchange";
    public string Wallet { get; init; } = Addresses.Evm("sol-hot");
    public bool WithBalances { get; init; } = true;

    /// <summary>Hot balances of a few thousand dollars a token, refilled only when a withdrawal would overdraw them (ordinary withdrawals take large shares).</summary>
    public bool ThinWallets { get; }

    /// <summary>A period in which customers withdraw <c>Multiplier</c> times as often.</summary>
    public (DateTimeOffset From, DateTimeOffset To, double Multiplier)? Rush { get; init; }
    public bool WithAccounts { get; init; } = true;
    public double MedianUsd { get; init; } = 600;
    public double Sigma { get; init; } = 1.4;
    public double MaxUsd { get; init; } = 150_000;

    /// <summary>How many times as often customers withdraw (a market-wide rush, say).</summary>
    public double RateMultiplier { get; init; } = 1;

    public List<Leg> Legs { get; } = [];

    /// <summary>The token's hot balance in units now (after the events already drawn).</summary>
    public decimal BalanceOf(string asset) => _balances.TryGetValue(asset, out var b) ? b : Tokens.First(t => t.Asset == asset).StartingUnits;

    public IEnumerable<WithdrawalEvent> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var rate = Tokens.Sum(t => t.PerHour) * RateMultiplier;
        var weights = Tokens.Select(t => t.PerHour).ToArray();
        var legs = new Queue<Leg>(Legs.Where(l => l.At >= from && l.At < to).OrderBy(l => l.At));
        var t = from;
        while (true)
        {
            var hour = t.UtcDateTime.TimeOfDay.TotalHours;
            var rush = Rush is { } r && t >= r.From && t < r.To ? r.Multiplier : 1;
            var diurnal = rate * rush * (1 + (0.6 * Math.Sin((hour - 9) / 24 * 2 * Math.PI)));
            t = t.AddSeconds(-Math.Log(1 - _random.NextDouble()) * 3600 / diurnal);
            while (legs.Count > 0 && legs.Peek().At <= t && legs.Peek().At < to)
            {
                yield return LegEvent(legs.Dequeue());
            }

            if (t >= to)
            {
                yield break;
            }

            var token = Tokens[Pick(weights)];
            var (account, usual) = _customers[_random.Next(_customers.Count)];
            var usd = Math.Min(MedianUsd * Math.Exp(Sigma * Normal()), MaxUsd);
            var units = Math.Round((decimal)usd / token.PriceUsd, 6);
            var destination = _random.NextDouble() < 0.85 ? usual : Addresses.Evm($"lt-one-off-{_random.Next()}");
            yield return EventBuilder.Withdrawal()
                .Platform(Platform).Chain("solana").From(Wallet).Asset(token.Asset).Units(units, null).To(destination)
                .Account(WithAccounts ? account : null).Balance(Withdraw(token, units)).At(t).Build();
        }
    }

    private WithdrawalEvent LegEvent(Leg leg)
    {
        var token = Tokens.First(t => t.Asset == leg.Asset);
        var units = Math.Round(BalanceOf(leg.Asset) * leg.Share, 6);
        var after = BalanceOf(leg.Asset) - units;
        _balances[leg.Asset] = after;
        return EventBuilder.Withdrawal().Id(leg.Id)
            .Platform(Platform).Chain("solana").From(Wallet).Asset(token.Asset).Units(units, null).To(leg.Destination)
            .Balance(WithBalances ? after : null).At(leg.At).Build();
    }

    private decimal? Withdraw(Token token, decimal units)
    {
        var balance = BalanceOf(token.Asset);
        while (balance < units)
        {
            // Refilled from the cold wallet just before (an internal transfer, not an event of this wallet).
            balance += token.StartingUnits;
        }

        balance -= units;
        if (!ThinWallets && balance < token.StartingUnits * 0.3m)
        {
            balance = token.StartingUnits;
        }

        _balances[token.Asset] = balance;
        return WithBalances ? balance : null;
    }

    private int Pick(double[] weights)
    {
        var x = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private double Uniform(double low, double high) => low + (_random.NextDouble() * (high - low));

    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
