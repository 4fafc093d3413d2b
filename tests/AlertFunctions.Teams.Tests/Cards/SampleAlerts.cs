using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Teams.Tests.Cards;

/// <summary>Realistic alerts to start from; tests change what they are about with <c>with</c>.</summary>
internal static class SampleAlerts
{
    public const string EthSource = "0x28C6c06298d514Db089934071355E5743bf21d60";
    public const string EthDestination = "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc";
    public const string EthTx = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";
    public const string BtcBech32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    public const string BtcBase58 = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    public const string BtcTx = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    public const string TronAddress = "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7";
    public const string TronTx = "3b8e6a6d1a9c0f4e2d7b5c8a9e1f2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6";

    public static Alert Ethereum() => new()
    {
        AlertId = "a3f9c2e1b7d04c5e",
        Rule = RuleIds.RapidDrain,
        Severity = Severity.Critical,
        Platform = "examplex",
        Chain = "ethereum",
        Asset = "ETH",
        Subject = EthSource,
        SubjectType = SubjectType.SourceWallet,
        WindowStart = new DateTimeOffset(2025, 3, 1, 3, 0, 0, TimeSpan.Zero),
        WindowEnd = new DateTimeOffset(2025, 3, 1, 3, 10, 0, TimeSpan.Zero),
        EventCount = 42,
        AmountUsd = 1_234_567.891m,
        AmountAsset = 456.5m,
        TriggerEventId = "evt-000042",
        EventIds = ["evt-000001", "evt-000042"],
        Destinations = [EthDestination],
        TxHashes = [EthTx],
        Summary = "Hot wallet sent $1,234,567.89 of ETH in 42 withdrawals within 10 minutes, 8.2 times its usual hourly outflow.",
        Details = new AlertDetails("window outflow USD", 1_234_567.89m, 500_000m, 150_000m, 8.23m),
        Revision = 1,
    };

    public static Alert Bitcoin() => Ethereum() with
    {
        Chain = "bitcoin",
        Asset = "BTC",
        Subject = BtcBase58,
        Destinations = [BtcBech32, BtcBase58],
        TxHashes = [BtcTx],
    };

    public static Alert Tron() => Ethereum() with
    {
        Chain = "tron",
        Asset = "USDT",
        Subject = TronAddress,
        Destinations = [TronAddress],
        TxHashes = [TronTx],
    };
}
