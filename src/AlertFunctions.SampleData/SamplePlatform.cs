namespace AlertFunctions.SampleData;

/// <summary>
/// A fictitious platform: its hot wallet per chain (balances tracked per asset and refilled from a cold wallet, which
/// shows up as an internal transfer), its customers with their usual addresses, and whether its feed carries
/// <c>accountId</c> and <c>balanceAfter</c> (not every producer can).
/// </summary>
internal sealed class SamplePlatform
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<SampleAsset> Assets { get; init; }
    public required bool SendsAccount { get; init; }
    public required bool SendsBalance { get; init; }
    public required double TrafficShare { get; init; }
    public required decimal HotWalletUsd { get; init; }
    public Dictionary<string, string> HotWallets { get; } = [];
    public Dictionary<string, string> ColdWallets { get; } = [];
    public Dictionary<string, decimal> Balances { get; } = [];
    public List<SampleCustomer> Customers { get; } = [];
}

internal sealed record SampleCustomer(string AccountId, Dictionary<string, string> Addresses);
