using System.Text.Json.Nodes;

namespace AlertFunctions.Cli.Tests;

/// <summary>Withdrawal events as JSON lines, valid unless a test changes them.</summary>
internal static class EventLines
{
    public static JsonObject ValidObject(string eventId = "evt-1", string platform = "northwind-exchange", string timestamp = "2026-11-25T10:00:00Z") => new()
    {
        ["eventId"] = eventId,
        ["platform"] = platform,
        ["platformType"] = "exchange",
        ["chain"] = "ethereum",
        ["asset"] = "ETH",
        ["amount"] = 1.5m,
        ["amountUsd"] = 4500m,
        ["sourceWallet"] = "0x35c2b1befd7f1b6c685c60277fba63e658eedcef",
        ["balanceAfter"] = 120.25m,
        ["accountId"] = "acct-183689",
        ["destinationAddress"] = "0xf7f09a5d9f6765a56e358fe3982a705e033092d8",
        ["txHash"] = "0xf772689a0050ab535883187058b1467b13ea6c6d75c4febf4ba99dc6f6ded769",
        ["timestamp"] = timestamp,
    };

    public static string Valid(string eventId = "evt-1", string platform = "northwind-exchange", string timestamp = "2026-11-25T10:00:00Z") =>
        ValidObject(eventId, platform, timestamp).ToJsonString();

    public static string With(string property, JsonNode? value)
    {
        var json = ValidObject();
        json[property] = value;
        return json.ToJsonString();
    }

    public static string Without(string property)
    {
        var json = ValidObject();
        json.Remove(property);
        return json.ToJsonString();
    }

    public static string Join(params string[] lines) => string.Join('\n', lines) + "\n";
}
