namespace AlertFunctions.Integration.Tests.Events;

/// <summary>
/// Ordinary withdrawals: many customers, small USDT amounts, each customer to their own address, spread over a few hot wallets.
/// Seeded, so the same run gives the same bodies; none of it should draw an alert.
/// </summary>
internal sealed class BenignTraffic(string platform, int seed, DateTimeOffset start)
{
    private const int Customers = 500;
    private const int HotWallets = 5;

    private readonly Random _random = new(seed);
    private int _next;

    public string Platform { get; } = platform;

    /// <summary>The USD total of every body handed out so far.</summary>
    public decimal VolumeUsd { get; private set; }

    public IReadOnlyList<string> Next(int count)
    {
        var bodies = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var n = _next++;
            var customer = _random.Next(Customers);
            var usd = Math.Round(50m + ((decimal)_random.NextDouble() * 2_000m), 2);
            VolumeUsd += usd;
            bodies.Add(WithdrawalJson.Body(
                $"{Platform}-{seed}-{n:D7}",
                Platform,
                WithdrawalJson.Address($"{Platform}-hot-{customer % HotWallets}"),
                WithdrawalJson.Address($"{Platform}-customer-{customer}"),
                "USDT",
                usd,
                usd,
                start.AddMilliseconds(n * 250),
                accountId: $"acct-{customer}"));
        }

        return bodies;
    }
}
