using System.Globalization;
using System.Text;
using System.Text.Json;
using AlertFunctions.Detection.Contract;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

public sealed class PlainDecimalTests
{
    private const NumberStyles ParserStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // Plain notation as producers write it: up to 19 digits with or without a point, trailing zeros included.
    private static readonly Gen<string> Plain = Gen.Select(Gen.String[Gen.Char['0', '9'], 1, 12], Gen.String[Gen.Char['0', '9'], 0, 7])
        .Select((whole, fraction) => fraction.Length == 0 ? whole : $"{whole}.{fraction}");

    // Anything near it: signs, exponents, stray points, spaces, long digit runs.
    private static readonly Gen<string> NearlyPlain = Gen.String[Gen.Char["0123456789.-+eE 9"], 0, 24];

    [Theory]
    [InlineData("1.50", 150, 2)]
    [InlineData("0.000", 0, 3)]
    [InlineData("9999999999999999999", 9999999999999999999, 0)]
    [InlineData("0.075788", 75788, 6)]
    public void TryParse_PlainNotation_KeepsTheWrittenScale(string text, ulong mantissa, byte scale)
    {
        Assert.True(PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value));

        Assert.Equal(new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, false, scale), value);
        Assert.Equal(scale, value.Scale);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1.5")]
    [InlineData("+1.5")]
    [InlineData("1e3")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("1.2.3")]
    [InlineData("10000000000000000000")]
    [InlineData("99999999999999999999")]
    [InlineData(" 1")]
    public void TryParse_AnythingButPlainNotation_IsLeftToTheFrameworkParsers(string text)
    {
        Assert.False(PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void TryParse_EveryPlainNumber_GivesTheBitsOfTheJsonReaderAndOfDecimalParse()
    {
        Plain.Where(s => s.Length == 1 || s[0] != '0' || s[1] == '.').Sample(text =>
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            Assert.True(PlainDecimal.TryParse(bytes, out var plain), text);

            var reader = new Utf8JsonReader(bytes);
            Assert.True(reader.Read(), text);
            Assert.True(reader.TryGetDecimal(out var fromReader), text);
            Assert.True(decimal.TryParse(text, ParserStyles, CultureInfo.InvariantCulture, out var fromParse), text);
            Assert.Equal(decimal.GetBits(fromReader), decimal.GetBits(plain));
            Assert.Equal(decimal.GetBits(fromParse), decimal.GetBits(plain));
        });
    }

    [Fact]
    public void TryParse_WhateverItAccepts_DecimalParseAcceptsWithTheSameBits()
    {
        Gen.OneOf(Plain, NearlyPlain).Sample(text =>
        {
            if (!PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var plain))
            {
                return;
            }

            Assert.True(decimal.TryParse(text, ParserStyles, CultureInfo.InvariantCulture, out var fromParse), text);
            Assert.Equal(decimal.GetBits(fromParse), decimal.GetBits(plain));
        });
    }
}
