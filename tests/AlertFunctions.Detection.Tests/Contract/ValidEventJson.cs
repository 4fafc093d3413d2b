using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertFunctions.Detection.Tests.Contract;

/// <summary>A complete, valid contract v1 body, and variants of it with one field changed or removed.</summary>
internal static class ValidEventJson
{
    /// <summary>The parser's clock in these tests; the valid timestamp lies half an hour before it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string SourceWallet = "0x1111111111111111111111111111111111111111";
    public const string DestinationAddress = "0x2222222222222222222222222222222222222222";
    public const string TxHash = "0x3333333333333333333333333333333333333333333333333333333333333333";

    public static JsonObject Create() => new()
    {
        ["eventId"] = "evt-0001",
        ["platform"] = "northwind-exchange",
        ["platformType"] = "exchange",
        ["chain"] = "ethereum",
        ["asset"] = "ETH",
        ["amount"] = "12.5",
        ["amountUsd"] = "37500.25",
        ["sourceWallet"] = SourceWallet,
        ["balanceAfter"] = "987.654321",
        ["accountId"] = "acct-42",
        ["destinationAddress"] = DestinationAddress,
        ["txHash"] = TxHash,
        ["timestamp"] = "2026-06-01T11:30:00Z",
    };

    // Relaxed escaping writes '+' (offsets, exponents) as itself, as most producers do; the default encoder writes \u002B.
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Body() => Create().ToJsonString(Writer);

    /// <summary>The valid body with <paramref name="name"/> set to the raw JSON <paramref name="rawValue"/> (e.g. <c>1e400</c>, <c>null</c>, <c>"x"</c>).</summary>
    public static string WithRaw(string name, string rawValue)
    {
        var body = Create();
        body[name] = JsonNode.Parse(rawValue);
        return body.ToJsonString(Writer);
    }

    public static string With(string name, string value)
    {
        var body = Create();
        body[name] = value;
        return body.ToJsonString(Writer);
    }

    public static string Without(params string[] names)
    {
        var body = Create();
        foreach (var name in names)
        {
            body.Remove(name);
        }

        return body.ToJsonString(Writer);
    }
}
