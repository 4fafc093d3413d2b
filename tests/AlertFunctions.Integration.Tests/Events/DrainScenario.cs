namespace AlertFunctions.Integration.Tests.Events;

/// <summary>
/// A hot wallet emptied into one new address: equal ETH withdrawals a minute apart, the balance falling with each. At default
/// rules this raises one rapid-drain alert on the wallet that grows with every further leg and turns critical past 10 M USD.
/// </summary>
internal sealed class DrainScenario(string platform, string walletName, DateTimeOffset start)
{
    public const decimal EthPriceUsd = 3_000m;
    public const decimal LegEth = 200m;
    public const decimal LegUsd = LegEth * EthPriceUsd;
    public const decimal StartingBalanceEth = 6_000m;

    public string Platform { get; } = platform;

    public string Wallet { get; } = WithdrawalJson.Address(walletName);

    public string Attacker { get; } = WithdrawalJson.Address(walletName + "-attacker");

    /// <summary>Legs <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 (0-based, so a drain can be split across batches).</summary>
    public IReadOnlyList<string> Legs(int from, int count) =>
    [
        .. Enumerable.Range(from, count).Select(i => WithdrawalJson.Body(
            $"{walletName}-leg-{i:D3}",
            Platform,
            Wallet,
            Attacker,
            "ETH",
            LegEth,
            LegUsd,
            start.AddMinutes(i),
            balanceAfter: StartingBalanceEth - (LegEth * (i + 1)))),
    ];
}
