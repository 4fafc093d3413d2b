using AlertFunctions.Storage.Tables;

namespace AlertFunctions.Storage.Tests;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("exchange-one")]
    [InlineData("a/b\\c#d?e")]
    [InlineData("100%:done")]
    [InlineData("tab\tnew\nline\u007f\u0085")]
    [InlineData("目的地-ünïcødé-🚀")]
    [InlineData("%2F already-looks-escaped")]
    [InlineData("")]
    public void Encode_AnyString_DecodesBackAndContainsNoForbiddenCharacter(string value)
    {
        var encoded = TableKey.Encode(value);

        Assert.Equal(value, TableKey.Decode(encoded));
        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' or ':' || char.IsControl(c));
    }

    [Fact]
    public void Encode_PlainValue_IsUnchanged()
    {
        Assert.Equal("exchange-one", TableKey.Encode("exchange-one"));
        Assert.Equal("a%2Fb%3Ac", TableKey.Encode("a/b:c"));
    }
}
