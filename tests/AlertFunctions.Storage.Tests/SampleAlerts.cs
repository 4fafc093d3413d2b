using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Storage.Tests;

/// <summary>Realistic alerts for storage tests; every field is set so a round trip checks them all.</summary>
internal static class SampleAlerts
{
    private static readonly string[] NoStrings = [];

    public static readonly DateTimeOffset WindowStart = new(2025, 3, 14, 23, 50, 12, 345, TimeSpan.Zero);

    public static Alert Create(
        string alertId = "rapid-drain-3f2a9c-20250314",
        int revision = 1,
        Severity severity = Severity.High,
        string platform = "exchange-one",
        DateTimeOffset? windowStart = null,
        decimal amountUsd = 1_234_567.89m) => new()
    {
        AlertId = alertId,
        Rule = RuleIds.RapidDrain,
        Severity = severity,
        Platform = platform,
        Chain = "ethereum",
        Asset = "USDT",
        Subject = "0xAbC0000000000000000000000000000000000001",
        SubjectType = SubjectType.SourceWallet,
        WindowStart = windowStart ?? WindowStart,
        WindowEnd = (windowStart ?? WindowStart).AddMinutes(9),
        EventCount = 3 + revision,
        AmountUsd = amountUsd + revision,
        AmountAsset = 1_234_000.000001m,
        TriggerEventId = $"evt-{revision}",
        EventIds = Enumerable.Range(1, 2 + revision).Select(i => $"evt-{i}").ToArray(),
        EventIdsOmitted = revision,
        Destinations = ["0xdead0000000000000000000000000000000000beef", "bc1q\"quoted\"/#?"],
        DestinationsOmitted = 0,
        TxHashes = ["0x01", "0x02"],
        Summary = $"Wallet drained {revision} times — 90% of balance in 9 min",
        Details = new AlertDetails("window outflow USD", 1_234_567.89m, 1_000_000m, 250_000.5m, 4.938271m),
        Revision = revision,
    };

    /// <summary>Record equality compares list references; this compares what the lists contain.</summary>
    public static void AssertSame(Alert expected, Alert actual)
    {
        Assert.Equal(
            expected with { EventIds = NoStrings, Destinations = NoStrings, TxHashes = NoStrings },
            actual with { EventIds = NoStrings, Destinations = NoStrings, TxHashes = NoStrings });
        Assert.Equal(expected.EventIds, actual.EventIds);
        Assert.Equal(expected.Destinations, actual.Destinations);
        Assert.Equal(expected.TxHashes, actual.TxHashes);
        Assert.Equal(expected.WindowStart.UtcTicks, actual.WindowStart.UtcTicks);
        Assert.Equal(expected.AmountUsd.Scale, actual.AmountUsd.Scale);
    }
}
