using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

public sealed class PlainQuoteFinderTests
{
    [Fact]
    public void Next_FromAnyRisingPositions_FindsWhatASearchFinds()
    {
        // Bodies on both sides of the 64-byte span and of its multiples, quotes anywhere (first and last byte too), and
        // positions that step one byte, skip ahead, or land on a quote, as a reader's do.
        var random = new Random(20261129);
        for (var round = 0; round < 5_000; round++)
        {
            var body = new byte[random.Next(0, 300)];
            var quoteShare = random.Next(1, 40);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] = random.Next(quoteShare) == 0 ? (byte)'"' : (byte)('a' + random.Next(26));
            }

            var finder = new PlainQuoteFinder();
            for (var from = 0; from < body.Length; from += random.Next(1, 40))
            {
                var expected = body.AsSpan(from).IndexOf((byte)'"');
                Assert.Equal(expected < 0 ? -1 : from + expected, finder.Next(body, from));
            }
        }
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    [InlineData(200)]
    public void Next_QuoteOnlyInTheLastByte_IsFoundFromTheStart(int length)
    {
        var body = Enumerable.Repeat((byte)'x', length).ToArray();
        body[^1] = (byte)'"';
        var finder = new PlainQuoteFinder();

        Assert.Equal(length - 1, finder.Next(body, 0));
        Assert.Equal(length - 1, finder.Next(body, length - 1));
    }

    [Fact]
    public void Next_NoQuoteLeft_IsMinusOne()
    {
        var body = Enumerable.Repeat((byte)'x', 150).ToArray();
        body[10] = (byte)'"';
        var finder = new PlainQuoteFinder();

        Assert.Equal(10, finder.Next(body, 0));
        Assert.Equal(-1, finder.Next(body, 11));
        Assert.Equal(-1, finder.Next(body, 149));
    }
}
