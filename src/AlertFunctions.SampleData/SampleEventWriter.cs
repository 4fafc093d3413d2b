using System.Text.Json;

namespace AlertFunctions.SampleData;

/// <summary>
/// Writes events as contract v1 JSON lines. <c>scenario</c> is an extra field (ignored by the contract, like any unknown
/// field) that labels incident and look-alike events, so a reader of the sample can see what each part models.
/// </summary>
public static class SampleEventWriter
{
    public static void Write(Utf8JsonWriter writer, SampleEvent e, string? padding = null)
    {
        writer.WriteStartObject();
        writer.WriteString("eventId", e.EventId);
        writer.WriteString("platform", e.Platform);
        writer.WriteString("platformType", e.PlatformType);
        writer.WriteString("chain", e.Chain);
        writer.WriteString("asset", e.Asset);
        writer.WriteNumber("amount", e.Amount);
        if (e.AmountUsd is { } usd)
        {
            writer.WriteNumber("amountUsd", usd);
        }

        writer.WriteString("sourceWallet", e.SourceWallet);
        if (e.BalanceAfter is { } balance)
        {
            writer.WriteNumber("balanceAfter", balance);
        }

        if (e.AccountId is not null)
        {
            writer.WriteString("accountId", e.AccountId);
        }

        writer.WriteString("destinationAddress", e.DestinationAddress);
        writer.WriteString("txHash", e.TxHash);
        writer.WriteString("timestamp", e.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        if (e.Scenario is not null)
        {
            writer.WriteString("scenario", e.Scenario);
        }

        if (padding is not null)
        {
            writer.WriteString("memo", padding);
        }

        writer.WriteEndObject();
    }

    public static void WriteLines(Stream output, IEnumerable<SampleEvent> events, string? padding = null)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        foreach (var e in events)
        {
            Write(writer, e, padding);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }
    }
}
