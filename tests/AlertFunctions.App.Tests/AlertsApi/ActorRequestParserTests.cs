using AlertFunctions.App.AlertsApi;

namespace AlertFunctions.App.Tests.AlertsApi;

public sealed class ActorRequestParserTests
{
    [Fact]
    public void TryParse_BodyNamesWhoActs_ReturnsTheTrimmedName()
    {
        Assert.True(ActorRequestParser.TryParse("""{"by": "  alice@example.com "}""", out var by, out var error));

        Assert.Equal("alice@example.com", by);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, """The request body must be JSON naming who acts, like {"by": "alice@example.com"}.""")]
    [InlineData("", """The request body must be JSON naming who acts, like {"by": "alice@example.com"}.""")]
    [InlineData("   ", """The request body must be JSON naming who acts, like {"by": "alice@example.com"}.""")]
    [InlineData("by=alice", """The request body is not valid JSON; send {"by": "alice@example.com"}.""")]
    [InlineData("""{"by": "alice" """, """The request body is not valid JSON; send {"by": "alice@example.com"}.""")]
    [InlineData("""["alice"]""", """The request body must have a string property "by" naming who acts.""")]
    [InlineData("""{"who": "alice"}""", """The request body must have a string property "by" naming who acts.""")]
    [InlineData("""{"by": 42}""", """The request body must have a string property "by" naming who acts.""")]
    [InlineData("""{"by": null}""", """The request body must have a string property "by" naming who acts.""")]
    [InlineData("""{"by": "   "}""", "\"by\" must be 1 to 200 printable characters.")]
    [InlineData("""{"by": "al\nice"}""", "\"by\" must be 1 to 200 printable characters.")]
    public void TryParse_BodyWithoutAUsableBy_FailsWithAClearMessage(string? body, string expected)
    {
        Assert.False(ActorRequestParser.TryParse(body, out var by, out var error));

        Assert.Null(by);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_ByLongerThanTheLimit_Fails()
    {
        Assert.False(ActorRequestParser.TryParse($$"""{"by": "{{new string('a', 201)}}"}""", out _, out var error));

        Assert.Equal("\"by\" must be 1 to 200 printable characters.", error);
    }

    [Fact]
    public void TryParse_ByAtTheLimit_Succeeds()
    {
        Assert.True(ActorRequestParser.TryParse($$"""{"by": "{{new string('a', 200)}}"}""", out var by, out _));

        Assert.Equal(200, by.Length);
    }
}
