using System.Collections.Specialized;
using AlertFunctions.App.AlertsApi;

namespace AlertFunctions.App.Tests.AlertsApi;

public sealed class AlertListQueryParserTests
{
    [Fact]
    public void TryParse_EmptyQuery_UsesTheDefaults()
    {
        Assert.True(AlertListQueryParser.TryParse(new NameValueCollection(), out var query, out _));

        Assert.Equal(new AlertListQuery(null, null, 7, 100), query);
        Assert.Equal(AlertListQuery.Default, query);
    }

    [Fact]
    public void TryParse_AllValuesGiven_ReadsThemAndIgnoresTheFunctionKey()
    {
        var values = Query(("platform", " exchange-a "), ("status", "Acknowledged"), ("days", "90"), ("max", "500"), ("code", "secret"));

        Assert.True(AlertListQueryParser.TryParse(values, out var query, out var error));

        Assert.Null(error);
        Assert.Equal(new AlertListQuery("exchange-a", AlertStatus.Acknowledged, 90, 500), query);
    }

    [Theory]
    [InlineData("open", AlertStatus.Open)]
    [InlineData("RESOLVED", AlertStatus.Resolved)]
    public void TryParse_Status_IsCaseInsensitive(string text, AlertStatus expected)
    {
        Assert.True(AlertListQueryParser.TryParse(Query(("status", text)), out var query, out _));

        Assert.Equal(expected, query.Status);
    }

    [Theory]
    [InlineData("days", "0", "days must be a whole number from 1 to 90.")]
    [InlineData("days", "91", "days must be a whole number from 1 to 90.")]
    [InlineData("days", "-1", "days must be a whole number from 1 to 90.")]
    [InlineData("days", "7.5", "days must be a whole number from 1 to 90.")]
    [InlineData("days", "", "days must be a whole number from 1 to 90.")]
    [InlineData("max", "0", "max must be a whole number from 1 to 500.")]
    [InlineData("max", "501", "max must be a whole number from 1 to 500.")]
    [InlineData("max", "lots", "max must be a whole number from 1 to 500.")]
    [InlineData("status", "closed", "status must be open, acknowledged or resolved.")]
    [InlineData("status", "", "status must be open, acknowledged or resolved.")]
    [InlineData("platform", "  ", "platform must be 1 to 100 printable characters.")]
    [InlineData("platform", "a\u0000b", "platform must be 1 to 100 printable characters.")]
    public void TryParse_InvalidValue_FailsWithAClearMessage(string key, string value, string expected)
    {
        Assert.False(AlertListQueryParser.TryParse(Query((key, value)), out var query, out var error));

        Assert.Null(query);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_PlatformTooLong_Fails()
    {
        Assert.False(AlertListQueryParser.TryParse(Query(("platform", new string('p', 101))), out _, out var error));

        Assert.Equal("platform must be 1 to 100 printable characters.", error);
    }

    private static NameValueCollection Query(params (string Key, string Value)[] pairs)
    {
        var query = new NameValueCollection(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            query.Add(key, value);
        }

        return query;
    }
}
