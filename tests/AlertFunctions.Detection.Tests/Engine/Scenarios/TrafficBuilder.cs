using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Ordinary customer traffic for one hot wallet: withdrawals arriving at a diurnal rate (quiet at night, busy in the
/// afternoon), log-normal USD sizes, customers who mostly reuse their own address, and optionally the wallet's balance
/// with refills (refills are internal and not events of this wallet). Seeded, so a scenario is the same on every run.
/// </summary>
internal sealed class TrafficBuilder
{
    private readonly Random _random;
    private readonly List<(string Account, string Address)> _customers = [];

    public TrafficBuilder(int seed, int customers = 400)
    {
        _random = new Random(seed);
        for (var i = 0; i < customers; i++)
        {
            _customers.Add(($"acct-{seed}-{i}", Addresses.Evm($"customer-{seed}-{i}")));
        }
    }

    public string Platform { get; init; } = "northwind-exchange";
    public string Wallet { get; init; } = Addresses.Evm("hot-wallet");
    public string[] Assets { get; init; } = ["USDT"];
    public double EventsPerHour { get; init; } = 40;
    public double MedianUsd { get; init; } = 800;
    public double Sigma { get; init; } = 1.3;
    public decimal? StartingBalanceUsd { get; init; }
    public bool WithAccounts { get; init; } = true;
    public double RateMultiplier { get; init; } = 1;

    /// <summary>The largest withdrawal drawn; a bridge's or an institution-heavy venue's tail runs into the millions.</summary>
    public double MaxUsd { get; init; } = 250_000;

    /// <summary>
    /// A period in which withdrawals come <c>Multiplier</c> times as often (a market-wide rush), in the same stream so that
    /// the reported balances stay one consistent series.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To, double Multiplier)? Rush { get; init; }

    public IEnumerable<WithdrawalEvent> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var balances = Assets.ToDictionary(a => a, _ => StartingBalanceUsd);
        var t = from;
        while (true)
        {
            var hour = t.UtcDateTime.TimeOfDay.TotalHours;
            var rush = Rush is { } r && t >= r.From && t < r.To ? r.Multiplier : 1;
            var rate = EventsPerHour * RateMultiplier * rush * (1 + (0.6 * Math.Sin((hour - 9) / 24 * 2 * Math.PI)));
            t = t.AddSeconds(-Math.Log(1 - _random.NextDouble()) * 3600 / rate);
            if (t >= to)
            {
                yield break;
            }

            var asset = Assets[_random.Next(Assets.Length)];
            var (account, usual) = _customers[_random.Next(_customers.Count)];
            var usd = Math.Round((decimal)Math.Min(MedianUsd * Math.Exp(Sigma * Normal()), MaxUsd), 2);
            decimal? balance = null;
            if (balances[asset] is { } b)
            {
                b -= usd;
                if (b < StartingBalanceUsd * 0.3m)
                {
                    b = StartingBalanceUsd!.Value;
                }

                balances[asset] = b;
                balance = b;
            }

            var destination = _random.NextDouble() < 0.85 ? usual : Addresses.Evm($"one-off-{_random.Next()}");
            yield return EventBuilder.Withdrawal()
                .Platform(Platform).From(Wallet).Asset(asset).Usd(usd).To(destination)
                .Account(WithAccounts ? account : null).Balance(balance).At(t).Build();
        }
    }

    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
