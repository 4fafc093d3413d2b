namespace AlertFunctions.SampleData;

/// <summary>The four fictitious platforms of the sample: two exchanges, a DeFi protocol and a bridge, with different feed fields.</summary>
internal static class SamplePlatforms
{
    public static List<SamplePlatform> Create() =>
    [
        new SamplePlatform
        {
            Id = "northwind-exchange", Type = "exchange", SendsAccount = true, SendsBalance = true, TrafficShare = 0.45, HotWalletUsd = 60_000_000m,
            Assets =
            [
                new("USDT", "ethereum", 1m, 2, true, 0.30), new("ETH", "ethereum", 3000m, 6, true, 0.25), new("USDC", "ethereum", 1m, 2, true, 0.12),
                new("LINK", "ethereum", 15m, 4, true, 0.05), new("BTC", "bitcoin", 90_000m, 8, false, 0.18), new("TRX", "tron", 0.25m, 2, true, 0.10),
            ],
        },
        new SamplePlatform
        {
            Id = "tailspin-exchange", Type = "exchange", SendsAccount = true, SendsBalance = true, TrafficShare = 0.25, HotWalletUsd = 25_000_000m,
            Assets = [new("ETH", "ethereum", 3000m, 6, true, 0.40), new("USDT", "ethereum", 1m, 2, true, 0.35), new("USDC", "ethereum", 1m, 2, true, 0.15), new("DAI", "ethereum", 1m, 2, true, 0.10)],
        },
        new SamplePlatform
        {
            Id = "contoso-defi", Type = "defi", SendsAccount = true, SendsBalance = false, TrafficShare = 0.20, HotWalletUsd = 30_000_000m,
            Assets = [new("ETH", "ethereum", 3000m, 6, true, 0.5), new("USDC", "ethereum", 1m, 2, true, 0.3), new("DAI", "ethereum", 1m, 2, true, 0.2)],
        },
        new SamplePlatform
        {
            Id = "fabrikam-bridge", Type = "bridge", SendsAccount = false, SendsBalance = false, TrafficShare = 0.10, HotWalletUsd = 80_000_000m,
            Assets = [new("ETH", "ethereum", 3000m, 6, true, 0.6), new("USDT", "ethereum", 1m, 2, true, 0.4)],
        },
    ];
}
