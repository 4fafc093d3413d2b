using AlertFunctions.App.Responder;
using Microsoft.Extensions.Configuration;

namespace AlertFunctions.App.Tests.Responder;

public sealed class AppServiceAuthenticationTests
{
    [Theory]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", false)]
    [InlineData(null, false)]
    public void IsEnabled_WebsiteAuthEnabledSetting_IsTrueOnlyForTrue(string? value, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = value })
            .Build();

        Assert.Equal(expected, AppServiceAuthentication.IsEnabled(configuration));
    }

    [Fact]
    public void SignInUrl_ReturnPath_IsEscapedIntoTheRedirectParameter()
    {
        Assert.Equal(
            "/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Frespond%2Falerts%2Fa%26b",
            AppServiceAuthentication.SignInUrl("/api/respond/alerts/a&b"));
    }
}
