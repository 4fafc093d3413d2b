using AlertFunctions.App.Responder;
using Microsoft.Extensions.Configuration;

namespace AlertFunctions.App.Tests.Responder;

/// <summary>The decision behind the responder routes' 401: no trusted signed-in user, no page.</summary>
public sealed class ResponderIdentityTests
{
    private static readonly Func<string, string?> SignedIn =
        name => name == ClientPrincipalReader.NameHeader ? "alice@contoso.com" : null;

    private static readonly Func<string, string?> NoHeaders = _ => null;

    [Fact]
    public void TryResolve_EasyAuthOnAndUserSignedIn_ReturnsTheUser()
    {
        Assert.True(ResponderIdentity.TryResolve(Settings("True"), SignedIn, out var name));
        Assert.Equal("alice@contoso.com", name);
    }

    [Fact]
    public void TryResolve_EasyAuthOnWithoutPrincipalHeaders_IsUnauthenticated()
    {
        Assert.False(ResponderIdentity.TryResolve(Settings("True"), NoHeaders, out var name));
        Assert.Null(name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("False")]
    [InlineData("")]
    public void TryResolve_EasyAuthOffButPrincipalHeadersSent_IgnoresTheForgeableHeaders(string? setting)
    {
        Assert.False(ResponderIdentity.TryResolve(Settings(setting), SignedIn, out var name));
        Assert.Null(name);
    }

    private static IConfiguration Settings(string? easyAuthEnabled) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppServiceAuthentication.EnabledSetting] = easyAuthEnabled })
            .Build();
}
