using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Watchlists;

public sealed class WatchlistTests
{
    private const string Address = "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc";

    // Tornado Cash ETH pools on Ethereum mainnet (0.1, 1, 10 and 100 ETH).
    public static TheoryData<string, string> TornadoEthPools => new()
    {
        { "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc", "0.1 ETH" },
        { "0x47CE0C6eD5B0Ce3d3A51fdb1C52DC66a7c3c2936", "1 ETH" },
        { "0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF", "10 ETH" },
        { "0xA160cdAB225685dA1d56aa342Ad8841c3b53f291", "100 ETH" },
    };

    [Theory]
    [InlineData(WatchlistCategory.Exchange, WatchlistCategory.Mixer, WatchlistCategory.Mixer)]
    [InlineData(WatchlistCategory.Mixer, WatchlistCategory.Exchange, WatchlistCategory.Mixer)]
    [InlineData(WatchlistCategory.Mixer, WatchlistCategory.Sanctioned, WatchlistCategory.Sanctioned)]
    [InlineData(WatchlistCategory.Sanctioned, WatchlistCategory.Mixer, WatchlistCategory.Sanctioned)]
    [InlineData(WatchlistCategory.Mixer, WatchlistCategory.Attributed, WatchlistCategory.Attributed)]
    [InlineData(WatchlistCategory.Exploiter, WatchlistCategory.Mixer, WatchlistCategory.Exploiter)]
    [InlineData(WatchlistCategory.Internal, WatchlistCategory.Mixer, WatchlistCategory.Mixer)]
    [InlineData(WatchlistCategory.Bridge, WatchlistCategory.Internal, WatchlistCategory.Internal)]
    [InlineData(WatchlistCategory.Internal, WatchlistCategory.Exchange, WatchlistCategory.Internal)]
    public void Ctor_DuplicateAddress_StrongerCategoryWins(string first, string second, string expected)
    {
        var watchlist = new Watchlist([Entry(Address, first, "first"), Entry(Address.ToLowerInvariant(), second, "second")]);

        Assert.Equal(1, watchlist.Count);
        Assert.True(watchlist.TryMatch(Address, out var entry));
        Assert.Equal(expected, entry.Category);
    }

    [Fact]
    public void Ctor_DuplicateAddressOfEqualStrength_KeepsTheFirst()
    {
        var watchlist = new Watchlist([Entry(Address, WatchlistCategory.Sanctioned, "OFAC"), Entry(Address, WatchlistCategory.Attributed, "FBI")]);

        Assert.True(watchlist.TryMatch(Address, out var entry));
        Assert.Equal("OFAC", entry.Label);
    }

    [Fact]
    public void TryMatch_AddressInAnotherCase_FollowsTheChainsCaseRules()
    {
        const string base58 = "3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG";
        var watchlist = new Watchlist([Entry(Address, WatchlistCategory.Mixer, "pool"), Entry(base58, WatchlistCategory.Attributed, "staging")]);

        Assert.True(watchlist.TryMatch(Address.ToLowerInvariant(), out _));
        Assert.True(watchlist.TryMatch(base58, out _));
        Assert.False(watchlist.TryMatch(base58.ToLowerInvariant(), out _));
        Assert.False(watchlist.TryMatch("0x0000000000000000000000000000000000000000", out _));
    }

    [Fact]
    public void Empty_HasNoEntries()
    {
        Assert.Equal(0, Watchlist.Empty.Count);
        Assert.False(Watchlist.Empty.TryMatch(Address, out _));
    }

    [Fact]
    public void ReadEmbeddedDefault_LoadsMoreThan30Entries()
    {
        var entries = WatchlistCsvReader.ReadEmbeddedDefault();

        Assert.True(entries.Count > 30, $"only {entries.Count} entries");
        Assert.All(entries, e => Assert.Equal("embedded:default-watchlist.csv", e.Origin));
    }

    [Fact]
    public void ReadEmbeddedDefault_EveryRowHasASourceLabelAndChain()
    {
        Assert.All(WatchlistCsvReader.ReadEmbeddedDefault(), e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{e.Address} has no source");
            Assert.False(string.IsNullOrWhiteSpace(e.Label), $"{e.Address} has no label");
            Assert.False(string.IsNullOrWhiteSpace(e.Chain), $"{e.Address} has no chain");
        });
    }

    [Fact]
    public void ReadEmbeddedDefault_EveryCategoryIsOneTheRulesActOn()
    {
        string[] known = [WatchlistCategory.Mixer, WatchlistCategory.Sanctioned, WatchlistCategory.Attributed, WatchlistCategory.Exploiter];

        Assert.All(WatchlistCsvReader.ReadEmbeddedDefault(), e => Assert.Contains(e.Category, known));
    }

    [Fact]
    public void ReadEmbeddedDefault_HasNoDuplicateAddresses()
    {
        var entries = WatchlistCsvReader.ReadEmbeddedDefault();

        Assert.Equal(entries.Count, entries.Select(e => e.Address).Distinct(AddressComparer.Instance).Count());
    }

    [Fact]
    public void ReadEmbeddedDefault_HexAddressesAre20Bytes()
    {
        Assert.All(
            WatchlistCsvReader.ReadEmbeddedDefault().Where(e => e.Address.StartsWith("0x", StringComparison.OrdinalIgnoreCase)),
            e => Assert.Matches("^0x[0-9a-fA-F]{40}$", e.Address));
    }

    [Theory]
    [MemberData(nameof(TornadoEthPools))]
    public void ReadEmbeddedDefault_TornadoCashEthPool_IsMixer(string address, string pool)
    {
        var watchlist = new Watchlist(WatchlistCsvReader.ReadEmbeddedDefault());

        Assert.True(watchlist.TryMatch(address.ToLowerInvariant(), out var entry), $"Tornado Cash {pool} pool is missing");
        Assert.Equal(WatchlistCategory.Mixer, entry.Category);
        Assert.Equal("ethereum", entry.Chain);
        Assert.Contains($"Tornado Cash {pool} pool", entry.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadEmbeddedDefault_NoTornadoCashEntryIsSanctioned()
    {
        // OFAC removed Tornado Cash from the SDN list on 2025-03-21.
        var tornado = WatchlistCsvReader.ReadEmbeddedDefault()
            .Where(e => e.Label.Contains("Tornado", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.NotEmpty(tornado);
        Assert.All(tornado, e => Assert.Equal(WatchlistCategory.Mixer, e.Category));
    }

    [Fact]
    public void Load_NoFiles_IsTheEmbeddedDefault()
    {
        var watchlist = WatchlistCsvReader.Load([]);

        Assert.Equal(WatchlistCsvReader.ReadEmbeddedDefault().Count, watchlist.Count);
    }

    [Fact]
    public void Load_Files_AddsTheirEntriesToTheDefault()
    {
        var defaults = WatchlistCsvReader.ReadEmbeddedDefault().Count;
        var first = WriteTempCsv("0x9999999999999999999999999999999999999999,ethereum,exploiter,Bridge exploiter,incident report 42");
        var second = WriteTempCsv("TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9,tron,exchange,Some exchange,operator");
        try
        {
            var watchlist = WatchlistCsvReader.Load([first, second]);

            Assert.Equal(defaults + 2, watchlist.Count);
            Assert.True(watchlist.TryMatch("0x9999999999999999999999999999999999999999", out var exploiter));
            Assert.Equal(WatchlistCategory.Exploiter, exploiter.Category);
            Assert.Equal(first, exploiter.Origin);
            Assert.True(watchlist.TryMatch("TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", out var exchange));
            Assert.Equal(second, exchange.Origin);
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void Load_FileListingADefaultAddressAsSanctioned_Upgrades()
    {
        var file = WriteTempCsv("0x12d66f87a04a9e220743712ce6d9bb1b5616b8fc,ethereum,sanctioned,Re-designated pool,operator decision");
        try
        {
            var watchlist = WatchlistCsvReader.Load([file]);

            Assert.Equal(WatchlistCsvReader.ReadEmbeddedDefault().Count, watchlist.Count);
            Assert.True(watchlist.TryMatch(Address, out var entry));
            Assert.Equal(WatchlistCategory.Sanctioned, entry.Category);
            Assert.Equal(file, entry.Origin);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Load_MalformedFile_FailsTheWholeLoad()
    {
        var file = WriteTempCsv("0xabc,ethereum,mixer,missing source");
        try
        {
            var ex = Assert.Throws<WatchlistFormatException>(() => WatchlistCsvReader.Load([file]));

            Assert.Equal($"{file}:2: expected 5 fields (address,chain,category,label,source), found 4", ex.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static WatchlistEntry Entry(string address, string category, string label) =>
        new(address, "ethereum", category, label, "test", "test.csv");

    private static string WriteTempCsv(string row)
    {
        var path = Path.Combine(Path.GetTempPath(), $"watchlist-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["address,chain,category,label,source", row]);
        return path;
    }
}
