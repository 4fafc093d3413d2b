using AlertFunctions.App.Responder;

namespace AlertFunctions.App.Tests.Responder;

public sealed class SameOriginPolicyTests
{
    private static readonly Uri Request = new("http://alerts-app.azurewebsites.net/api/respond/alerts/a1/ack");

    [Theory]
    [InlineData(null, "same-origin", true)]
    [InlineData(null, "none", true)]
    [InlineData("https://alerts-app.azurewebsites.net", "cross-site", false)]
    [InlineData(null, "same-site", false)]
    [InlineData("https://alerts-app.azurewebsites.net", null, true)]
    [InlineData("https://ALERTS-APP.azurewebsites.net", null, true)]
    [InlineData("https://evil.example", null, false)]
    [InlineData("null", null, false)]
    [InlineData(null, null, true)]
    public void Allows_OriginAndFetchSite_RefusesOtherSites(string? origin, string? fetchSite, bool expected)
    {
        Assert.Equal(expected, SameOriginPolicy.Allows(Request, origin, fetchSite));
    }
}
