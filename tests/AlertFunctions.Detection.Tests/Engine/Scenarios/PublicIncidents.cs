namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Six public exchange thefts as the public record tells them: the wallets, chains, assets, amounts and order of the
/// thief's transfers. Where the record gives no figure (the split of a total, a long tail of tokens, minutes between
/// transfers) the value here is illustrative and says so. Prices are those of the day, rounded.
/// </summary>
internal static class PublicIncidents
{
    /// <summary>
    /// WazirX, 18 July 2024: an Ethereum multisig that refilled the hot wallets; a 4.1 GNO test transfer to a new address,
    /// then $234.9M to that one address in many transfers the same day.
    /// </summary>
    public static IncidentReplica WazirX()
    {
        const string platform = "wazirx";
        var start = new DateTimeOffset(2024, 7, 18, 6, 0, 0, TimeSpan.Zero);
        var multisig = Cold(platform, "ethereum");
        var thief = Addresses.Evm("wazirx-thief");
        // The six named amounts, then the "many smaller tokens": FLOKI, FTM, LINK and FET are named, their amounts and the
        // four tokens after them illustrative ($52M over eight, to reach the $234.9M).
        (string Asset, decimal Units, decimal Usd)[] tokens =
        [
            ("SHIB", 5_430_000_000_000m, 102_000_000m), ("ETH", 15_298m, 52_500_000m), ("MATIC", 20_500_000m, 11_240_000m),
            ("PEPE", 640_270_000_000m, 7_600_000m), ("USDT", 5_790_000m, 5_790_000m), ("GALA", 135_000_000m, 3_500_000m),
            ("FLOKI", 45_000_000_000m, 9_000_000m), ("FTM", 17_000_000m, 8_000_000m), ("LINK", 500_000m, 7_000_000m),
            ("FET", 5_000_000m, 6_500_000m), ("ENA", 14_000_000m, 6_000_000m), ("WBTC", 90m, 5_800_000m),
            ("SAND", 12_000_000m, 5_000_000m), ("MANA", 11_000_000m, 4_900_000m),
        ];
        var legs = new List<TheftLeg> { new("test-gno", multisig, "ethereum", "GNO", 4.1m, 1_000m, thief, start) };
        // Illustrative pacing: the transfers begin 40 minutes after the test transfer, two minutes apart.
        legs.AddRange(tokens.Select((t, i) => new TheftLeg($"leg-{i:D2}-{t.Asset}", multisig, "ethereum", t.Asset, t.Units, t.Usd, thief, start.AddMinutes(40 + (2 * i)))));
        return new IncidentReplica
        {
            Platform = platform,
            HotWallets =
            [
                new(Addresses.Evm("wazirx-hot-eth"), "ethereum", ["USDT", "ETH", "SHIB", "MATIC"], EventsPerHour: 60),
                new(Addresses.Evm("wazirx-hot-eth-2"), "ethereum", ["USDT", "ETH", "PEPE", "GALA"]),
            ],
            PricesUsd = new Dictionary<string, decimal> { ["ETH"] = 3_432m, ["SHIB"] = 0.0000188m, ["MATIC"] = 0.548m, ["PEPE"] = 0.0000119m, ["GALA"] = 0.0259m },
            Legs = legs,
        };
    }

    /// <summary>
    /// CoinEx, 12 September 2023: hot wallets on five chains. 4,947 ETH to a brand-new address, then DAI, GRT and UNI to
    /// the same address; then the other chains, each into addresses of its own.
    /// </summary>
    public static IncidentReplica CoinEx()
    {
        const string platform = "coinex";
        var start = new DateTimeOffset(2023, 9, 12, 19, 0, 0, TimeSpan.Zero); // the hour is illustrative
        string Hot(string chain) => Addresses.Evm($"coinex-hot-{chain}");
        var ethThief = Addresses.Evm("coinex-thief-eth");
        // The Ethereum order and amounts are the record's, and TRX's and MATIC's; the minutes between, the USDT, BNB and BTC
        // legs (to reach the first $27M) and the addresses (six here, over twenty in the record) are illustrative.
        List<TheftLeg> legs =
        [
            new("leg-00-ETH", Hot("ethereum"), "ethereum", "ETH", 4_947m, 8_000_000m, ethThief, start),
            new("leg-01-DAI", Hot("ethereum"), "ethereum", "DAI", 408_741m, 408_741m, ethThief, start.AddMinutes(3)),
            new("leg-02-GRT", Hot("ethereum"), "ethereum", "GRT", 2_700_000m, 216_000m, ethThief, start.AddMinutes(5)),
            new("leg-03-UNI", Hot("ethereum"), "ethereum", "UNI", 29_158m, 125_000m, ethThief, start.AddMinutes(7)),
            new("leg-04-USDT", Hot("ethereum"), "ethereum", "USDT", 1_500_000m, 1_500_000m, ethThief, start.AddMinutes(9)),
            new("leg-05-TRX", Hot("tron"), "tron", "TRX", 102_000_000m, 8_500_000m, Addresses.Evm("coinex-thief-tron"), start.AddMinutes(20)),
            new("leg-06-MATIC", Hot("polygon"), "polygon", "MATIC", 560_000m, 291_000m, Addresses.Evm("coinex-thief-polygon"), start.AddMinutes(24)),
            new("leg-07-BNB", Hot("bsc"), "bsc", "BNB", 13_000m, 2_800_000m, Addresses.Evm("coinex-thief-bsc-1"), start.AddMinutes(28)),
            new("leg-08-USDT", Hot("bsc"), "bsc", "USDT", 1_500_000m, 1_500_000m, Addresses.Evm("coinex-thief-bsc-2"), start.AddMinutes(30)),
            new("leg-09-BTC", Hot("bitcoin"), "bitcoin", "BTC", 162m, 4_200_000m, Addresses.Evm("coinex-thief-btc"), start.AddMinutes(35)),
        ];
        return new IncidentReplica
        {
            Platform = platform,
            HotWallets =
            [
                new(Hot("ethereum"), "ethereum", ["USDT", "ETH", "USDC", "DAI", "UNI"], EventsPerHour: 60),
                new(Hot("tron"), "tron", ["USDT", "TRX"]),
                new(Hot("bsc"), "bsc", ["USDT", "BNB"]),
                new(Hot("polygon"), "polygon", ["USDT", "MATIC"], EventsPerHour: 15),
                new(Hot("bitcoin"), "bitcoin", ["BTC"], EventsPerHour: 20),
            ],
            PricesUsd = new Dictionary<string, decimal> { ["ETH"] = 1_617m, ["UNI"] = 4.29m, ["TRX"] = 0.0833m, ["MATIC"] = 0.52m, ["BNB"] = 215m, ["BTC"] = 25_900m },
            Legs = legs,
        };
    }

    /// <summary>
    /// Poloniex, 10 November 2023: $18M of BTC at 10:34 UTC, 11M USDT on Ethereum at 10:36, then the other ERC-20 tokens,
    /// one transfer each, each into its own new address; $123M in all.
    /// </summary>
    public static IncidentReplica Poloniex()
    {
        const string platform = "poloniex";
        var btcAt = new DateTimeOffset(2023, 11, 10, 10, 34, 0, TimeSpan.Zero);
        var btcHot = Addresses.Evm("poloniex-hot-btc");
        var ethHot = Addresses.Evm("poloniex-hot-eth");
        var legs = new List<TheftLeg>
        {
            new("leg-000-BTC", btcHot, "bitcoin", "BTC", 493m, 18_000_000m, Addresses.Evm("poloniex-thief-btc"), btcAt),
            new("leg-001-USDT", ethHot, "ethereum", "USDT", 11_000_000m, 11_000_000m, Addresses.Evm("poloniex-thief-usdt"), btcAt.AddMinutes(2)),
        };
        // The other 315 tokens: $94M together, in a long tail (illustrative: log-normal sizes, fixed seed), twelve seconds apart.
        // The TRON hot wallet's share of the $123M is not in the figures used here; its wallet only pays customers.
        var random = new Random(2023);
        var sizes = Enumerable.Range(0, 315).Select(_ => Math.Exp(1.6 * Normal(random))).ToArray();
        var scale = 94_000_000 / sizes.Sum();
        for (var i = 0; i < sizes.Length; i++)
        {
            var usd = Math.Round((decimal)(sizes[i] * scale), 2);
            legs.Add(new($"leg-{i + 2:D3}-TKN{i}", ethHot, "ethereum", $"TKN{i}", usd, usd, Addresses.Evm($"poloniex-thief-{i}"), btcAt.AddMinutes(3).AddSeconds(12 * i)));
        }

        return new IncidentReplica
        {
            Platform = platform,
            HotWallets =
            [
                new(btcHot, "bitcoin", ["BTC"], EventsPerHour: 30),
                new(ethHot, "ethereum", ["USDT", "ETH", "USDC", "TKN0", "TKN1"], EventsPerHour: 60),
                new(Addresses.Evm("poloniex-hot-tron"), "tron", ["USDT", "TRX"]),
            ],
            PricesUsd = new Dictionary<string, decimal> { ["BTC"] = 36_500m, ["ETH"] = 2_100m, ["TRX"] = 0.1m },
            Legs = legs,
        };
    }

    /// <summary>
    /// HTX, 22 November 2023: three Ethereum hot wallets (ETH, USDT, USDC, LINK, ARIX, KOK, $13.6M) and the TRON hot
    /// wallet (TRX, USDT, USDC, $12.6M).
    /// </summary>
    public static IncidentReplica Htx()
    {
        const string platform = "htx";
        var start = new DateTimeOffset(2023, 11, 22, 14, 0, 0, TimeSpan.Zero); // the hour is illustrative
        string Hot(int i) => Addresses.Evm($"htx-hot-eth-{i}");
        var tronHot = Addresses.Evm("htx-hot-tron");
        var ethThief = Addresses.Evm("htx-thief-eth");
        var tronThief = Addresses.Evm("htx-thief-tron");
        // Amounts are the record's; which wallet held what, the addresses and the minutes between are illustrative.
        List<TheftLeg> legs =
        [
            new("leg-00-ETH", Hot(1), "ethereum", "ETH", 1_240m, 2_520_000m, ethThief, start),
            new("leg-01-USDT", Hot(2), "ethereum", "USDT", 7_330_000m, 7_330_000m, ethThief, start.AddMinutes(2)),
            new("leg-02-USDC", Hot(3), "ethereum", "USDC", 1_780_000m, 1_780_000m, ethThief, start.AddMinutes(4)),
            new("leg-03-LINK", Hot(1), "ethereum", "LINK", 61_250m, 876_000m, ethThief, start.AddMinutes(6)),
            new("leg-04-ARIX", Hot(2), "ethereum", "ARIX", 2_200_000m, 660_000m, ethThief, start.AddMinutes(8)),
            new("leg-05-KOK", Hot(2), "ethereum", "KOK", 4_250_000m, 425_000m, ethThief, start.AddMinutes(10)),
            new("leg-06-TRX", tronHot, "tron", "TRX", 500_000m, 52_000m, tronThief, start.AddMinutes(15)),
            new("leg-07-USDT", tronHot, "tron", "USDT", 10_300_000m, 10_300_000m, tronThief, start.AddMinutes(17)),
            new("leg-08-USDC", tronHot, "tron", "USDC", 2_200_000m, 2_200_000m, tronThief, start.AddMinutes(19)),
        ];
        return new IncidentReplica
        {
            Platform = platform,
            HotWallets =
            [
                new(Hot(1), "ethereum", ["ETH", "LINK", "USDT"]),
                new(Hot(2), "ethereum", ["USDT", "ETH"], EventsPerHour: 60),
                new(Hot(3), "ethereum", ["USDC", "USDT"]),
                new(tronHot, "tron", ["USDT", "TRX", "USDC"], EventsPerHour: 60),
            ],
            PricesUsd = new Dictionary<string, decimal> { ["ETH"] = 2_032m, ["LINK"] = 14.3m, ["TRX"] = 0.104m },
            Legs = legs,
        };
    }

    /// <summary>
    /// Upbit, 27 November 2025: one Solana hot wallet; about 24 tokens, SOL, USDC and a long tail, $36M within about an
    /// hour, into a few addresses.
    /// </summary>
    public static IncidentReplica Upbit()
    {
        const string platform = "upbit";
        var start = new DateTimeOffset(2025, 11, 27, 4, 42, 0, TimeSpan.Zero); // the minute is illustrative
        var hot = Addresses.Evm("upbit-hot-sol");
        // The split is illustrative: SOL $8M, USDC $4M, 22 long-tail tokens $0.6-1.7M ($24M), into three addresses in turn,
        // two and a half minutes apart.
        var legs = new List<TheftLeg>
        {
            new("leg-00-SOL", hot, "solana", "SOL", 57_000m, 8_000_000m, Addresses.Evm("upbit-thief-0"), start),
            new("leg-01-USDC", hot, "solana", "USDC", 4_000_000m, 4_000_000m, Addresses.Evm("upbit-thief-1"), start.AddMinutes(2.5)),
        };
        for (var i = 0; i < 22; i++)
        {
            var usd = 600_000m + (50_000m * i);
            legs.Add(new($"leg-{i + 2:D2}-SPL{i}", hot, "solana", $"SPL{i}", usd, usd, Addresses.Evm($"upbit-thief-{(i + 2) % 3}"), start.AddMinutes(2.5 * (i + 2))));
        }

        return new IncidentReplica
        {
            Platform = platform,
            HotWallets =
            [
                new(hot, "solana", ["SOL", "USDC", "USDT", "SPL0", "SPL1", "SPL2"], EventsPerHour: 80),
                new(Addresses.Evm("upbit-hot-eth"), "ethereum", ["ETH", "USDT"]),
            ],
            PricesUsd = new Dictionary<string, decimal> { ["SOL"] = 140m, ["ETH"] = 3_000m },
            Legs = legs,
        };
    }

    /// <summary>
    /// Stake.com, 4 September 2023: on Ethereum one USDT transfer ($3.9M) at 12:48 UTC, two of ETH (6,001 ETH), then USDC,
    /// DAI and STAKE within minutes; then BSC ($17.8M) and Polygon ($7.8M).
    /// </summary>
    public static IncidentReplica Stake()
    {
        const string platform = "stake";
        var start = new DateTimeOffset(2023, 9, 4, 12, 48, 0, TimeSpan.Zero);
        string Hot(string chain) => Addresses.Evm($"stake-hot-{chain}");
        string Thief(string chain) => Addresses.Evm($"stake-thief-{chain}");
        // Ethereum's order and totals are the record's; the ETH split, STAKE's value, the minutes between and the BSC and
        // Polygon splits are illustrative.
        List<TheftLeg> legs =
        [
            new("leg-00-USDT", Hot("ethereum"), "ethereum", "USDT", 3_900_000m, 3_900_000m, Thief("ethereum"), start),
            new("leg-01-ETH", Hot("ethereum"), "ethereum", "ETH", 4_000m, 6_520_000m, Thief("ethereum"), start.AddMinutes(2)),
            new("leg-02-ETH", Hot("ethereum"), "ethereum", "ETH", 2_001m, 3_260_000m, Thief("ethereum"), start.AddMinutes(4)),
            new("leg-03-USDC", Hot("ethereum"), "ethereum", "USDC", 1_000_000m, 1_000_000m, Thief("ethereum"), start.AddMinutes(6)),
            new("leg-04-DAI", Hot("ethereum"), "ethereum", "DAI", 900_000m, 900_000m, Thief("ethereum"), start.AddMinutes(8)),
            new("leg-05-STAKE", Hot("ethereum"), "ethereum", "STAKE", 150_000m, 300_000m, Thief("ethereum"), start.AddMinutes(10)),
            new("leg-06-BNB", Hot("bsc"), "bsc", "BNB", 45_000m, 9_700_000m, Thief("bsc"), start.AddMinutes(20)),
            new("leg-07-USDT", Hot("bsc"), "bsc", "USDT", 5_100_000m, 5_100_000m, Thief("bsc"), start.AddMinutes(22)),
            new("leg-08-BUSD", Hot("bsc"), "bsc", "BUSD", 3_000_000m, 3_000_000m, Thief("bsc"), start.AddMinutes(24)),
            new("leg-09-MATIC", Hot("polygon"), "polygon", "MATIC", 7_300_000m, 4_000_000m, Thief("polygon"), start.AddMinutes(30)),
            new("leg-10-USDT", Hot("polygon"), "polygon", "USDT", 3_800_000m, 3_800_000m, Thief("polygon"), start.AddMinutes(32)),
        ];
        return new IncidentReplica
        {
            Platform = platform,
            HotWallets =
            [
                new(Hot("ethereum"), "ethereum", ["USDT", "ETH", "USDC", "DAI"], EventsPerHour: 60),
                new(Hot("bsc"), "bsc", ["USDT", "BNB", "BUSD"], EventsPerHour: 60),
                new(Hot("polygon"), "polygon", ["USDT", "MATIC"]),
            ],
            PricesUsd = new Dictionary<string, decimal> { ["ETH"] = 1_630m, ["BNB"] = 215m, ["MATIC"] = 0.55m, ["STAKE"] = 2m },
            Legs = legs,
        };
    }

    private static string Cold(string platform, string chain) => Addresses.Evm($"{platform}-cold-{chain}");

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
