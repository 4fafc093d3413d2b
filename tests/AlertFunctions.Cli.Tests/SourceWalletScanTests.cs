using System.Text;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The replay's first pass: each platform's source wallets, read from the lines as producers write them, and never a value
/// that only looks like one (a nested object's field, text inside another field).
/// </summary>
public sealed class SourceWalletScanTests
{
    [Fact]
    public void Read_FlatLines_ListsEachPlatformsWalletsOnce()
    {
        var found = Scan(
            """{"eventId":"1","platform":"a","sourceWallet":"hot","destinationAddress":"x"}""",
            """{"eventId":"2","platform":"a","sourceWallet":"hot","destinationAddress":"y"}""",
            """{"eventId":"3","platform":"a","sourceWallet":"cold","destinationAddress":"hot"}""",
            """{"eventId":"4","platform":"b","sourceWallet":"hot","destinationAddress":"z"}""");

        Assert.Equal(["cold", "hot"], found["a"].Order());
        Assert.Equal(["hot"], found["b"]);
    }

    [Theory]
    [InlineData("""{ "platform" : "a", "sourceWallet"	:	"hot" }""", "hot")]
    [InlineData("""{"platform":"a","sourceWallet":"h\u006Ft"}""", "hot")]
    [InlineData("""{"memo":"{\"sourceWallet\":\"decoy\"}","platform":"a","sourceWallet":"hot"}""", "hot")]
    [InlineData("""{"platform":"a","extra":{"sourceWallet":"decoy"},"sourceWallet":"hot"}""", "hot")]
    [InlineData("""{"platform":"a","extra":{"sourceWallet":"decoy"}}""", null)]
    [InlineData("""{"platform":"a","memo":"sourceWallet"}""", null)]
    [InlineData("""{"platform":"a","sourceWallet":null}""", null)]
    [InlineData("""{"platform":"a","sourceWallet":" "}""", null)]
    [InlineData("""{"platform":"a","sourceWallet":"hot""", null)]
    [InlineData("""not json at all "platform":"a","sourceWallet":"hot" """, null)]
    public void Read_LineShapes_TakeOnlyTheTopLevelField(string line, string? expected)
    {
        var found = Scan(line);

        if (expected is null)
        {
            Assert.False(found.ContainsKey("a") && found["a"].Count > 0, $"found {string.Join(",", found.GetValueOrDefault("a") ?? [])}");
        }
        else
        {
            Assert.Equal([expected], found["a"]);
        }
    }

    [Fact]
    public void Read_ManyWallets_KeepsAsManyAsTheEngineLearns()
    {
        var lines = Enumerable.Range(0, SourceWalletScan.MaxWalletsPerPlatform + 100)
            .Select(i => $$"""{"platform":"utxo","sourceWallet":"input-{{i}}"}""").ToArray();

        var found = Scan(lines);

        Assert.Equal(SourceWalletScan.MaxWalletsPerPlatform, found["utxo"].Count);
    }

    [Fact]
    public void Read_ManyWalletsInterleavedOnTwoPlatforms_ListsEveryPairWhateverThePairsSeenBefore()
    {
        // More pairs than the scan's cache of recent ones, revisited in turn: pairs evicted and seen again, and the same
        // wallet on two platforms (a pair, not a wallet, is what was seen).
        var lines = Enumerable.Range(0, 3).SelectMany(_ => Enumerable.Range(0, 150))
            .Select(i => $$"""{"platform":"{{(i % 2 == 0 ? "north" : "south")}}","sourceWallet":"wallet-{{i / 2}}"}""").ToArray();

        var found = Scan(lines);

        Assert.Equal(Enumerable.Range(0, 75).Select(i => $"wallet-{i}").Order(), found["north"].Order());
        Assert.Equal(Enumerable.Range(0, 75).Select(i => $"wallet-{i}").Order(), found["south"].Order());
    }

    [Fact]
    public void Read_PairsThatShareACacheSlot_AreToldApart()
    {
        // The cache picks a pair's slot from the values' lengths and last eight bytes: these pairs share slots, and
        // short values (under eight bytes) are read whole.
        string[] wallets = ["aaaa-common-tail-12345678", "bbbb-common-tail-12345678", "w1", "w2", "1w"];
        var lines = Enumerable.Range(0, 40)
            .Select(i => $$"""{"platform":"{{(i % 3 == 0 ? "p" : "north")}}","sourceWallet":"{{wallets[i % wallets.Length]}}"}""")
            .ToArray();

        var found = Scan(lines);

        Assert.Equal(wallets.Order(), found["north"].Order());
        Assert.Equal(wallets.Order(), found["p"].Order());
    }

    private static IReadOnlyDictionary<string, IReadOnlyCollection<string>> Scan(params string[] lines)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return InputSurvey.Read(input, TimeSpan.FromMinutes(5), AcceptedTimes.Any).KnownWallets;
    }
}
