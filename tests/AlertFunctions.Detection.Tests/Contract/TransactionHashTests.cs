using System.Text;
using AlertFunctions.Detection.Contract;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

public sealed class TransactionHashTests
{
    private const string Digits = "2c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcc5";

    [Theory]
    [InlineData("0x" + Digits)]
    [InlineData(Digits)]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void UsualSpelling_IsHeldAsBytesAndReadBackAsSent(string text)
    {
        var fromText = TransactionHash.From(text);
        Assert.True(TransactionHash.TryCompact(Encoding.UTF8.GetBytes(text), out var fromBytes));

        // Held as bytes, the text is made again on reading: equal to what was sent, but not the same object.
        Assert.Equal(text, fromText.ToString());
        Assert.NotSame(text, fromText.ToString());
        Assert.Equal(text, fromBytes.ToString());
        Assert.Equal(fromText, fromBytes);
        Assert.Equal(fromText.GetHashCode(), fromBytes.GetHashCode());
    }

    [Theory]
    [InlineData("0x2C3794D03E849AFF3AF2D45E7E503DEA95F538E686DDD16F7698E5FE65FBFCC5")]
    [InlineData("0x2c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcC5")]
    [InlineData("0X" + Digits)]
    [InlineData("0x" + Digits + "0")]
    [InlineData("0x" + "2c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcc")]
    [InlineData("0xg" + "c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcc5")]
    [InlineData("0x2c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcé")]
    [InlineData("0x")]
    [InlineData("x")]
    [InlineData("-")]
    [InlineData("tx-1")]
    public void AnyOtherSpelling_IsKeptAsTheStringItself(string text)
    {
        var hash = TransactionHash.From(text);

        Assert.Same(text, hash.ToString());
        Assert.False(TransactionHash.TryCompact(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void None_IsDefaultAndReadsAsNull()
    {
        var none = TransactionHash.From(null);

        Assert.True(none.IsNone);
        Assert.Null(none.ToString());
        Assert.Equal(default, none);
        Assert.False(TransactionHash.From("0x" + Digits).IsNone);
    }

    [Theory]
    // A hash held as bytes is told apart from any string, including the one-character ones that stand in for its form.
    [InlineData("x", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("-", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x" + Digits, Digits)]
    [InlineData("0x" + Digits, "0x2C3794D03E849AFF3AF2D45E7E503DEA95F538E686DDD16F7698E5FE65FBFCC5")]
    [InlineData("0x" + Digits, "0x2c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcc6")]
    [InlineData("0x" + Digits, "0x3c3794d03e849aff3af2d45e7e503dea95f538e686ddd16f7698e5fe65fbfcc5")]
    public void DifferentSpellings_AreNotEqual(string a, string b)
    {
        Assert.NotEqual(TransactionHash.From(a), TransactionHash.From(b));
        Assert.NotEqual(TransactionHash.From(b), TransactionHash.From(a));
    }

    [Fact]
    public void Parser_KeepsEverySpellingAsSentAndEventsWithTheSameHashAreEqual()
    {
        var parser = new WithdrawalEventParser(clock: new FakeTimeProvider(ValidEventJson.Now));
        var usual = "0x" + Digits;
        var plain = parser.Parse(ValidEventJson.With("txHash", usual)).Value;
        // The same hash with its first digit escaped: the reader unescapes it into a string, which is then held as bytes too.
        var fromEscaped = parser.Parse(ValidEventJson.WithRaw("txHash", "\"\\u0030x" + Digits + "\"")).Value;
        var upper = parser.Parse(ValidEventJson.With("txHash", usual.ToUpperInvariant())).Value;

        Assert.Equal(usual, plain.TxHash);
        Assert.Equal(plain, fromEscaped);
        Assert.Equal(usual.ToUpperInvariant(), upper.TxHash);
        Assert.NotEqual(plain, upper);
    }
}
