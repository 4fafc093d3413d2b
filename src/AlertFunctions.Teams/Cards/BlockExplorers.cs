namespace AlertFunctions.Teams.Cards;

/// <summary>Known chains (matched case-insensitively) and their explorers; any other chain gets plain text and no link.</summary>
internal static class BlockExplorers
{
    private static readonly Dictionary<string, BlockExplorer> ByChain = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ethereum"] = Evm("https://etherscan.io"),
        ["bsc"] = Evm("https://bscscan.com"),
        ["polygon"] = Evm("https://polygonscan.com"),
        ["arbitrum"] = Evm("https://arbiscan.io"),
        ["optimism"] = Evm("https://optimistic.etherscan.io"),
        ["base"] = Evm("https://basescan.org"),
        ["avalanche"] = Evm("https://snowtrace.io"),
        ["bitcoin"] = new(
            "https://mempool.space/address/", "https://mempool.space/tx/", ChainPatterns.BitcoinAddress(), ChainPatterns.PlainHexTransaction()),
        ["tron"] = new(
            "https://tronscan.org/#/address/", "https://tronscan.org/#/transaction/", ChainPatterns.TronAddress(), ChainPatterns.PlainHexTransaction()),
    };

    public static BlockExplorer? For(string chain) => ByChain.GetValueOrDefault(chain);

    private static BlockExplorer Evm(string origin) =>
        new(origin + "/address/", origin + "/tx/", ChainPatterns.EvmAddress(), ChainPatterns.EvmTransaction());
}
