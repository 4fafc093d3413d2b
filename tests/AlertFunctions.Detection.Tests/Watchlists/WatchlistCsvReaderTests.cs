using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Watchlists;

public sealed class WatchlistCsvReaderTests
{
    private const string Origin = "lists/extra.csv";
    private const string Header = "address,chain,category,label,source";

    [Fact]
    public void Read_ValidFile_ReturnsTrimmedRowsWithLowerCaseChainAndCategory()
    {
        var entries = Read(
            Header,
            "0xAbC0000000000000000000000000000000000001, Ethereum , MIXER , Pool A , source one ");

        var entry = Assert.Single(entries);
        Assert.Equal(new WatchlistEntry("0xAbC0000000000000000000000000000000000001", "ethereum", "mixer", "Pool A", "source one", Origin), entry);
    }

    [Fact]
    public void Read_HeaderInAnyCaseAndSpacing_IsAccepted()
    {
        var entries = Read(" Address , CHAIN,Category ,label,SOURCE", "0xabc,ethereum,mixer,x,y");

        Assert.Single(entries);
    }

    [Fact]
    public void Read_CommentsAndBlankLines_AreSkipped()
    {
        var entries = Read(
            "# a comment before the header",
            string.Empty,
            Header,
            "   ",
            "# address,chain,category,label,source would be a row if it were not a comment",
            "0xabc,ethereum,mixer,x,y",
            "\t",
            "0xdef,ethereum,sanctioned,z,w");

        Assert.Equal(["0xabc", "0xdef"], entries.Select(e => e.Address));
    }

    [Fact]
    public void Read_QuotedFields_KeepCommasAndUnescapeDoubledQuotes()
    {
        var entries = Read(
            Header,
            "\"0xabc\",ethereum,mixer,\"Pool, \"\"big\"\" one\",\"report, page 3\"");

        var entry = Assert.Single(entries);
        Assert.Equal("Pool, \"big\" one", entry.Label);
        Assert.Equal("report, page 3", entry.Source);
        Assert.Equal("0xabc", entry.Address);
    }

    [Fact]
    public void Read_EmptyQuotedField_IsEmpty()
    {
        var entry = Assert.Single(Read(Header, "0xabc,ethereum,mixer,\"\",src"));

        Assert.Equal(string.Empty, entry.Label);
    }

    [Fact]
    public void Read_NoHeader_ThrowsNamingFileAndLine()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("# comment", "0xabc,ethereum,mixer,x,y"));

        Assert.Equal("lists/extra.csv:2: expected the header 'address,chain,category,label,source', found '0xabc,ethereum,mixer,x,y'", ex.Message);
    }

    [Fact]
    public void Read_HeaderWithColumnsInAnotherOrder_Throws()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("chain,address,category,label,source"));

        Assert.Equal("lists/extra.csv:1: expected the header 'address,chain,category,label,source', found 'chain,address,category,label,source'", ex.Message);
    }

    [Fact]
    public void Read_OnlyCommentsAndBlankLines_ThrowsNoHeader()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("# nothing here", string.Empty));

        Assert.Equal("lists/extra.csv: no header line 'address,chain,category,label,source' found", ex.Message);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsNoHeader()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => WatchlistCsvReader.Read(new StringReader(string.Empty), Origin));

        Assert.Equal("lists/extra.csv: no header line 'address,chain,category,label,source' found", ex.Message);
    }

    [Theory]
    [InlineData("0xabc,ethereum,mixer,label", 4)]
    [InlineData("0xabc,ethereum,mixer,label,source,extra", 6)]
    [InlineData("0xabc", 1)]
    [InlineData("0xabc,ethereum,mixer,\"a,b\",c,d", 6)]
    public void Read_WrongFieldCount_ThrowsNamingFileLineAndCount(string row, int found)
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("# list", Header, "0xdef,ethereum,mixer,x,y", row));

        Assert.Equal($"lists/extra.csv:4: expected 5 fields (address,chain,category,label,source), found {found}", ex.Message);
    }

    [Theory]
    [InlineData(",ethereum,mixer,x,y")]
    [InlineData("   ,ethereum,mixer,x,y")]
    [InlineData("\"\",ethereum,mixer,x,y")]
    public void Read_EmptyAddress_Throws(string row)
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read(Header, row));

        Assert.Equal("lists/extra.csv:2: the address is empty", ex.Message);
    }

    [Fact]
    public void Read_EmptyCategory_Throws()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read(Header, "0xabc,ethereum, ,x,y"));

        Assert.Equal("lists/extra.csv:2: the category is empty", ex.Message);
    }

    [Theory]
    [InlineData("evil")]
    [InlineData("sanctiond")]
    [InlineData("ofac-sdn")]
    public void Read_UnknownCategory_ThrowsWithFileLineAndTheAcceptedCategories(string category)
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read(Header, "0xaaa,ethereum,mixer,x,y", $"0xbbb,ethereum,{category},test,me"));

        Assert.Equal(
            $"lists/extra.csv:3: unknown category '{category}' (expected one of attributed, bridge, exchange, exploiter, internal, mixer, sanctioned)",
            ex.Message);
    }

    [Theory]
    [InlineData("attributed")]
    [InlineData("bridge")]
    [InlineData("exchange")]
    [InlineData("exploiter")]
    [InlineData("internal")]
    [InlineData("mixer")]
    [InlineData("Sanctioned")]
    public void Read_EveryCategoryTheEngineKnows_IsAccepted(string category)
    {
        var entry = Assert.Single(Read(Header, $"0xbbb,ethereum,{category},test,me"));

        Assert.Equal(category.ToLowerInvariant(), entry.Category);
    }

    [Fact]
    public void ReadEmbeddedDefault_LoadsWithKnownCategoriesOnly()
    {
        var entries = WatchlistCsvReader.ReadEmbeddedDefault();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains(e.Category, WatchlistCategory.All));
    }

    [Theory]
    [InlineData("0xabc,ethereum,mixer,\"unclosed label,y")]
    [InlineData("\"0xabc,ethereum,mixer,x,y")]
    [InlineData("0xabc,ethereum,mixer,x,\"ends \"\"")]
    public void Read_UnclosedQuote_Throws(string row)
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read(Header, "0xdef,ethereum,mixer,x,y", row));

        Assert.Equal("lists/extra.csv:3: a quoted field is not closed", ex.Message);
    }

    [Fact]
    public void Read_UnclosedQuoteInHeader_Throws()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("\"address,chain,category,label,source"));

        Assert.Equal("lists/extra.csv:1: a quoted field is not closed", ex.Message);
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"watchlist-missing-{Guid.NewGuid():N}.csv");

        var ex = Assert.Throws<WatchlistFormatException>(() => WatchlistCsvReader.ReadFile(path));

        Assert.StartsWith($"{path}: cannot read the watchlist: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ExistingFile_UsesThePathAsOrigin()
    {
        var path = Path.Combine(Path.GetTempPath(), $"watchlist-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [Header, "0xabc,ethereum,exchange,Hot wallet,operator"]);
        try
        {
            var entry = Assert.Single(WatchlistCsvReader.ReadFile(path));

            Assert.Equal(path, entry.Origin);
            Assert.Equal("exchange", entry.Category);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<WatchlistEntry> Read(params string[] lines) =>
        WatchlistCsvReader.Read(new StringReader(string.Join("\n", lines)), Origin);
}
