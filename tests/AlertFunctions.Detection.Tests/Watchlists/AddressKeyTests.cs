using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Watchlists;

public sealed class AddressKeyTests
{
    private const string Eip55 = "0x8589427373D6D84E98730D7795D8f6f8731FDA16";
    private const string Base58 = "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9";

    [Theory]
    [InlineData(Eip55, "0x8589427373d6d84e98730d7795d8f6f8731fda16")]
    [InlineData(Eip55, "0X8589427373D6D84E98730D7795D8F6F8731FDA16")]
    [InlineData("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "BC1QXY2KGDYGJRSQTZQ2N0YRF2493P83KKFJHX0WLH")]
    public void CaseInsensitiveForms_SpelledDifferently_AreOneKey(string spelling, string other)
    {
        var a = new AddressKey(spelling);
        var b = new AddressKey(other);

        Assert.True(a.Equals(b));
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(spelling, a.Value);
    }

    [Fact]
    public void Base58_DifferingInCase_AreDifferentKeys()
    {
        Assert.NotEqual(new AddressKey(Base58), new AddressKey(Base58.ToLowerInvariant()));
        Assert.True(new AddressKey(Base58) != new AddressKey(Base58.ToLowerInvariant()));
    }

    [Fact]
    public void Equality_IsTheComparers_ForEveryPairOfSpellings()
    {
        string[] spellings =
        [
            Eip55, Eip55.ToLowerInvariant(), Eip55.ToUpperInvariant(), "0X" + Eip55[2..], "0x0000000000000000000000000000000000000000",
            "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "BC1QXY2KGDYGJRSQTZQ2N0YRF2493P83KKFJHX0WLH", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlx",
            Base58, Base58.ToLowerInvariant(), Base58.ToUpperInvariant(), "r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59", "R9CZA1MLK5R5AM25ARFXFMQGNWJZGNFK59",
            "0xé", "0xÉ", "",
        ];

        foreach (var a in spellings)
        {
            foreach (var b in spellings)
            {
                var same = AddressComparer.Instance.Equals(a, b);
                Assert.True(same == new AddressKey(a).Equals(new AddressKey(b)), $"'{a}' and '{b}': the comparer says {same}");
                if (same)
                {
                    Assert.Equal(new AddressKey(a).GetHashCode(), new AddressKey(b).GetHashCode());
                }
            }
        }
    }

    [Fact]
    public void AnAddressLongerThanAnyChainUses_IsStillOneKeyWhateverItsCase()
    {
        var longHex = "0x" + string.Concat(Enumerable.Repeat("aBcD", 100));

        Assert.Equal(new AddressKey(longHex), new AddressKey(longHex.ToUpperInvariant()));
        Assert.NotEqual(new AddressKey(longHex), new AddressKey(longHex[..^1] + "0"));
    }

    [Fact]
    public void InAHashSet_TheLowerCaseSpellingFindsTheChecksummedOne()
    {
        var set = new HashSet<AddressKey> { new(Eip55) };

        Assert.Contains(new AddressKey(Eip55.ToLowerInvariant()), set);
        Assert.DoesNotContain(new AddressKey("0x0000000000000000000000000000000000000000"), set);
    }

    [Fact]
    public void Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new AddressKey(null!));
    }
}
