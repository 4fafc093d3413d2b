using System.Globalization;
using System.Text.Json.Nodes;

namespace AlertFunctions.Integration.Tests.Events;

/// <summary>Contract v1 event bodies as a producer would send them: decimals as strings, UTC timestamps with a Z.</summary>
internal static class WithdrawalJson
{
    public static string Body(
        string eventId,
        string platform,
        string sourceWallet,
        string destination,
        string asset,
        decimal amount,
        decimal? amountUsd,
        DateTimeOffset timestamp,
        decimal? balanceAfter = null,
        string? accountId = null)
    {
        var body = new JsonObject
        {
            ["eventId"] = eventId,
            ["platform"] = platform,
            ["platformType"] = "exchange",
            ["chain"] = "ethereum",
            ["asset"] = asset,
            ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
            ["sourceWallet"] = sourceWallet,
            ["destinationAddress"] = destination,
            ["txHash"] = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventId))),
            ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (amountUsd is { } usd)
        {
            body["amountUsd"] = usd.ToString(CultureInfo.InvariantCulture);
        }

        if (balanceAfter is { } balance)
        {
            body["balanceAfter"] = balance.ToString(CultureInfo.InvariantCulture);
        }

        if (accountId is not null)
        {
            body["accountId"] = accountId;
        }

        return body.ToJsonString();
    }

    /// <summary>A 40-hex-digit EVM address derived from a readable name, so tests can say "attacker" and get a plausible address.</summary>
    public static string Address(string name) =>
        "0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..40];
}
