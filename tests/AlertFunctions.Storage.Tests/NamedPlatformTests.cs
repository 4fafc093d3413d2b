using System.Text;
using AlertFunctions.Storage.DeadLetters;

namespace AlertFunctions.Storage.Tests;

public sealed class NamedPlatformTests
{
    [Theory]
    [InlineData("""{"eventId":"e1","platform":"contoso-exchange","amount":-3}""", "contoso-exchange")]
    [InlineData("""{"memo":{"platform":"nested"},"platform":"top-level"}""", "top-level")]
    [InlineData("""{"platform":"contoso-exchange","amount":""", "contoso-exchange")]
    [InlineData("""{"amount":-3,"platform":""", null)]
    [InlineData("""{"amount":-3}""", null)]
    [InlineData("""{"platform":42}""", null)]
    [InlineData("""{"platform":"   "}""", null)]
    [InlineData("""["platform","contoso-exchange"]""", null)]
    [InlineData("not json", null)]
    [InlineData("", null)]
    public void Read_RefusedBodies_NameTheTopLevelPlatformWhenThereIsOne(string body, string? expected)
    {
        Assert.Equal(expected, NamedPlatform.Read(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Read_PlatformLongerThanTheContractAllows_NamesNone()
    {
        Assert.Null(NamedPlatform.Read(Encoding.UTF8.GetBytes($$"""{"platform":"{{new string('p', 257)}}"}""")));
        Assert.Equal(new string('p', 256), NamedPlatform.Read(Encoding.UTF8.GetBytes($$"""{"platform":"{{new string('p', 256)}}"}""")));
    }
}
