using AlertFunctions.Teams.Cards;
using Xunit;

namespace AlertFunctions.Teams.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("  plain text  ", "plain text")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\u200Db", "ab")]
    public void Escape_Value_CleansAndTrims(string? value, string expected) =>
        Assert.Equal(expected, CardText.Escape(value, 100));

    [Fact]
    public void Truncate_LongValue_CutsAndAddsEllipsisWithinTheLimit()
    {
        var result = CardText.Truncate(new string('x', 50), 10);

        Assert.Equal("xxxxxxxxx…", result);
    }

    [Fact]
    public void Truncate_CutWouldSplitSurrogatePair_CutsBeforeThePair()
    {
        var result = CardText.Truncate("abcdefgh🚨ij", 10);

        Assert.Equal("abcdefgh…", result);
    }

    [Fact]
    public void Escape_TruncatedThenEscaped_NeverLeavesADanglingBackslash()
    {
        var result = CardText.Escape(new string('*', 20), 6);

        Assert.Equal(@"\*\*\*\*\*…", result);
    }

    [Fact]
    public void EscapeMarkdown_NumberMidText_IsLeftAlone() =>
        Assert.Equal("sent 1.5 ETH at 03:10", CardText.EscapeMarkdown("sent 1.5 ETH at 03:10"));
}
