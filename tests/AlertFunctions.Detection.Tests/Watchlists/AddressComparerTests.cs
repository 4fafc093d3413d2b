using AlertFunctions.Detection.Watchlists;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Watchlists;

public sealed class AddressComparerTests
{
    private const string Eip55 = "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc";
    private const string Base58 = "3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG";
    private const string Bech32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

    private static readonly AddressComparer Comparer = AddressComparer.Instance;

    [Fact]
    public void Equals_Eip55AndLowerCase_AreEqualWithEqualHashCodes()
    {
        var lower = Eip55.ToLowerInvariant();

        Assert.True(Comparer.Equals(Eip55, lower));
        Assert.True(Comparer.Equals(lower, Eip55));
        Assert.Equal(Comparer.GetHashCode(Eip55), Comparer.GetHashCode(lower));
    }

    [Fact]
    public void Equals_HexWithUpperCasePrefix_IsCaseInsensitive()
    {
        Assert.True(Comparer.Equals("0X" + Eip55[2..].ToUpperInvariant(), Eip55.ToLowerInvariant()));
    }

    [Fact]
    public void Equals_Base58DifferingOnlyInCase_AreDifferent()
    {
        var lower = Base58.ToLowerInvariant();

        Assert.False(Comparer.Equals(Base58, lower));
        Assert.False(Comparer.Equals(lower, Base58));
        Assert.True(Comparer.Equals(Base58, new string(Base58.AsSpan())));
    }

    [Fact]
    public void Equals_TronBase58DifferingOnlyInCase_AreDifferent()
    {
        Assert.False(Comparer.Equals("TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3M9"));
    }

    [Theory]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    [InlineData("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")]
    [InlineData("ltc1qg82xhs6kp9uxhmc5tdrqqxe6hzjk4ydrg9e3wu")]
    public void Equals_Bech32UpperAndLowerCase_AreEqualWithEqualHashCodes(string lower)
    {
        var upper = lower.ToUpperInvariant();

        Assert.True(Comparer.Equals(lower, upper));
        Assert.True(Comparer.Equals(upper, lower));
        Assert.Equal(Comparer.GetHashCode(lower), Comparer.GetHashCode(upper));
    }

    [Fact]
    public void Equals_CosmosBech32UpperAndLowerCase_IsSymmetricWithEqualHashCodes()
    {
        const string lower = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
        var upper = lower.ToUpperInvariant();

        Assert.Equal(Comparer.Equals(lower, upper), Comparer.Equals(upper, lower));
        Assert.True(Comparer.Equals(upper, lower));
        Assert.Equal(Comparer.GetHashCode(lower), Comparer.GetHashCode(upper));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "0xabc", false)]
    [InlineData("0xabc", null, false)]
    [InlineData("0xabc", "0xabcd", false)]
    [InlineData("0xabc", "0xabd", false)]
    public void Equals_NullsAndDifferentValues_FollowTheContract(string? x, string? y, bool expected)
    {
        Assert.Equal(expected, Comparer.Equals(x, y));
    }

    [Theory]
    [InlineData(Eip55, "0x12d66f87a04a9e220743712ce6d9bb1b5616b8fc")]
    [InlineData("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", Bech32)]
    [InlineData(Base58, Base58)]
    [InlineData("TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9")]
    public void Canonical_LowerCasesOnlyCaseInsensitiveForms(string address, string expected)
    {
        Assert.Equal(expected, AddressComparer.Canonical(address));
    }

    [Theory]
    [InlineData(Eip55, true)]
    [InlineData(Bech32, true)]
    [InlineData(Base58, false)]
    [InlineData("0x", false)]
    [InlineData("bc1short", false)]
    [InlineData("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", false)]
    public void IsCaseInsensitiveForm_RecognisesHexAndBech32(string address, bool expected)
    {
        Assert.Equal(expected, AddressComparer.IsCaseInsensitiveForm(address));
    }

    [Fact]
    public void Dictionary_WithComparer_FindsChecksummedAddressByLowerCase()
    {
        var map = new Dictionary<string, int>(Comparer) { [Eip55] = 1, [Base58] = 2 };

        Assert.True(map.ContainsKey(Eip55.ToLowerInvariant()));
        Assert.True(map.ContainsKey(Eip55.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)));
        Assert.False(map.ContainsKey(Base58.ToUpperInvariant()));
    }

    // Realistic spellings: EVM hex with random letter case; bech32 (bc/tb/ltc) all lower or all upper; base58 as is.
    private static readonly Gen<string> HexBody = Gen.String[Gen.Char["0123456789abcdefABCDEF"], 40, 40];
    private static readonly Gen<string> Bech32Data = Gen.String[Gen.Char["qpzry9x8gf2tvdw0s3jn54khce6mua7l"], 8, 58];
    private static readonly Gen<string> Base58Body = Gen.String[Gen.Char["123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"], 25, 34]
        .Where(s => !AddressComparer.IsCaseInsensitiveForm(s.ToLowerInvariant())); // not bech32-looking in any letter case

    private static readonly Gen<string> Address = Gen.OneOf(
        HexBody.Select(h => "0x" + h),
        Gen.Select(Gen.OneOf(Gen.Const("bc"), Gen.Const("tb"), Gen.Const("ltc")), Bech32Data, (hrp, data) => hrp + "1" + data),
        Base58Body);

    /// <summary>The address, and a variant of it with the case of each letter flipped or kept at random (upper or lower as a whole for bech32).</summary>
    private static readonly Gen<(string, string)> AddressAndCaseVariant =
        from address in Address
        from flips in Gen.Bool.Array[address.Length]
        from whole in Gen.Int[0, 2]
        select (address, Variant(address, flips, whole));

    [Fact]
    public void GetHashCode_EqualAddresses_HaveEqualHashCodes()
    {
        AddressAndCaseVariant.Sample((a, b) =>
        {
            if (Comparer.Equals(a, b))
            {
                Assert.Equal(Comparer.GetHashCode(a), Comparer.GetHashCode(b));
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Equals_IsSymmetricAndReflexive()
    {
        AddressAndCaseVariant.Sample((a, b) =>
        {
            Assert.True(Comparer.Equals(a, a));
            Assert.Equal(Comparer.Equals(a, b), Comparer.Equals(b, a));
        }, iter: 5_000);
    }

    [Fact]
    public void Equals_CaseVariantOfHexOrBech32_IsEqual_AndOfBase58_OnlyWhenIdentical()
    {
        AddressAndCaseVariant.Sample((a, b) =>
        {
            var expected = AddressComparer.IsCaseInsensitiveForm(a)
                ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
                : string.Equals(a, b, StringComparison.Ordinal);
            Assert.Equal(expected, Comparer.Equals(a, b));
        }, iter: 5_000);
    }

    [Fact]
    public void Canonical_IsEqualToTheOriginalAndIdempotent()
    {
        Address.Sample(a =>
        {
            var canonical = AddressComparer.Canonical(a);
            Assert.True(Comparer.Equals(a, canonical));
            Assert.Equal(canonical, AddressComparer.Canonical(canonical));
        }, iter: 2_000);
    }

    private static string Variant(string address, bool[] flips, int whole)
    {
        if (IsBech32(address))
        {
            // A mixed-case bech32 string is not an address; producers send it all lower or all upper case.
            return whole switch
            {
                0 => address,
                1 => address.ToUpperInvariant(),
                _ => address.ToLowerInvariant(),
            };
        }

        var chars = address.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (flips[i])
            {
                chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private static bool IsBech32(string address) =>
        address.StartsWith("bc1", StringComparison.Ordinal) || address.StartsWith("tb1", StringComparison.Ordinal) || address.StartsWith("ltc1", StringComparison.Ordinal);
}
