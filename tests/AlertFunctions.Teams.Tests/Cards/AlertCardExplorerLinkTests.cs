using Xunit;

namespace AlertFunctions.Teams.Tests.Cards;

public sealed class AlertCardExplorerLinkTests
{
    [Fact]
    public void Build_EthereumAlert_LinksAddressesAndTransactionsToEtherscan()
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum()));

        AssertLinks(
            card,
            $"https://etherscan.io/address/{SampleAlerts.EthSource}",
            $"https://etherscan.io/address/{SampleAlerts.EthDestination}",
            $"https://etherscan.io/tx/{SampleAlerts.EthTx}");
        Assert.Equal(
            $"[{SampleAlerts.EthDestination}](https://etherscan.io/address/{SampleAlerts.EthDestination})",
            Assert.Single(CardJson.TextsIn(CardJson.ById(card, "destinations"))));
        Assert.Equal(
            $"[{SampleAlerts.EthTx}](https://etherscan.io/tx/{SampleAlerts.EthTx})",
            Assert.Single(CardJson.TextsIn(CardJson.ById(card, "transactions"))));
    }

    [Fact]
    public void Build_BitcoinAlert_LinksBech32AndBase58AddressesAndTxToMempool()
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Bitcoin()));

        AssertLinks(
            card,
            $"https://mempool.space/address/{SampleAlerts.BtcBase58}",
            $"https://mempool.space/address/{SampleAlerts.BtcBase58}",
            $"https://mempool.space/address/{SampleAlerts.BtcBech32}",
            $"https://mempool.space/tx/{SampleAlerts.BtcTx}");
    }

    [Fact]
    public void Build_TronAlert_LinksToTronscan()
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Tron()));

        AssertLinks(
            card,
            $"https://tronscan.org/#/address/{SampleAlerts.TronAddress}",
            $"https://tronscan.org/#/address/{SampleAlerts.TronAddress}",
            $"https://tronscan.org/#/transaction/{SampleAlerts.TronTx}");
    }

    [Theory]
    [InlineData("bsc", "https://bscscan.com")]
    [InlineData("polygon", "https://polygonscan.com")]
    [InlineData("arbitrum", "https://arbiscan.io")]
    [InlineData("optimism", "https://optimistic.etherscan.io")]
    [InlineData("base", "https://basescan.org")]
    [InlineData("avalanche", "https://snowtrace.io")]
    [InlineData("Ethereum", "https://etherscan.io")]
    public void Build_EvmChain_LinksToItsExplorer(string chain, string origin)
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum() with { Chain = chain }));

        AssertLinks(
            card,
            $"{origin}/address/{SampleAlerts.EthSource}",
            $"{origin}/address/{SampleAlerts.EthDestination}",
            $"{origin}/tx/{SampleAlerts.EthTx}");
    }

    [Fact]
    public void Build_UnknownChain_ShowsPlainTextWithoutLinks()
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum() with { Chain = "fantom" }));

        Assert.Empty(CardJson.LinkTargets(card));
        Assert.Equal(SampleAlerts.EthDestination, Assert.Single(CardJson.TextsIn(CardJson.ById(card, "destinations"))));
        Assert.Equal(SampleAlerts.EthTx, Assert.Single(CardJson.TextsIn(CardJson.ById(card, "transactions"))));
    }

    [Theory]
    [InlineData("ethereum", "0x12D66f87A04A9E220743712cE6d9bB1B5616B8F")]
    [InlineData("ethereum", "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fcc")]
    [InlineData("ethereum", "0xZZD66f87A04A9E220743712cE6d9bB1B5616B8Fc")]
    [InlineData("ethereum", SampleAlerts.BtcBech32)]
    [InlineData("bitcoin", SampleAlerts.EthDestination)]
    [InlineData("bitcoin", "bc1QAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    [InlineData("bitcoin", "0OIl1eP5QGefi2DMPTfTL5SLmv7DivfNa")]
    [InlineData("tron", "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU")]
    [InlineData("tron", SampleAlerts.EthDestination)]
    public void Build_MalformedAddressOnKnownChain_IsNotLinked(string chain, string address)
    {
        var alert = SampleAlerts.Ethereum() with
        {
            Chain = chain,
            Subject = "acct-1",
            SubjectType = Detection.Alerts.SubjectType.Account,
            Destinations = [address],
            TxHashes = [],
        };

        var card = CardJson.Card(AlertCardFactory.Create().Build(alert));

        Assert.Empty(CardJson.LinkTargets(card));
        Assert.Single(CardJson.TextsIn(CardJson.ById(card, "destinations")));
    }

    private static void AssertLinks(System.Text.Json.Nodes.JsonObject card, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), CardJson.LinkTargets(card).Order(StringComparer.Ordinal));
}
