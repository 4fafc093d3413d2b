using System.Text;
using AlertFunctions.App.Responder;

namespace AlertFunctions.App.Tests.Responder;

public sealed class ClientPrincipalReaderTests
{
    [Fact]
    public void TryReadName_NameHeader_ReturnsTheTrimmedName()
    {
        var headers = Headers(("X-MS-CLIENT-PRINCIPAL-NAME", " alice@contoso.com "));

        Assert.True(ClientPrincipalReader.TryReadName(headers, out var name));
        Assert.Equal("alice@contoso.com", name);
    }

    [Fact]
    public void TryReadName_NoEasyAuthHeaders_ReturnsFalse()
    {
        Assert.False(ClientPrincipalReader.TryReadName(Headers(("Cookie", "AppServiceAuthSession=x")), out var name));
        Assert.Null(name);
    }

    [Fact]
    public void TryReadName_OnlyThePrincipalHeader_UsesItsNameClaimType()
    {
        var principal = Principal(
            """
            {"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"roles",
             "claims":[{"typ":"preferred_username","val":"other@contoso.com"},
                       {"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","val":"carol@contoso.com"}]}
            """);

        Assert.True(ClientPrincipalReader.TryReadName(Headers(("X-MS-CLIENT-PRINCIPAL", principal)), out var name));
        Assert.Equal("carol@contoso.com", name);
    }

    [Fact]
    public void TryReadName_PrincipalWithoutItsNameClaim_FallsBackToPreferredUsername()
    {
        var principal = Principal(
            """{"auth_typ":"aad","name_typ":"unknown","claims":[{"typ":"name","val":"Dan"},{"typ":"preferred_username","val":"dan@contoso.com"}]}""");

        Assert.True(ClientPrincipalReader.TryReadName(Headers(("X-MS-CLIENT-PRINCIPAL", principal)), out var name));
        Assert.Equal("dan@contoso.com", name);
    }

    [Fact]
    public void TryReadName_NameHeaderWithControlCharacters_IsNotTrusted()
    {
        var headers = Headers(("X-MS-CLIENT-PRINCIPAL-NAME", "eve\r\nInjected: yes"));

        Assert.False(ClientPrincipalReader.TryReadName(headers, out _));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJjbGFpbXMiOjF9")]
    [InlineData("W10=")]
    public void TryReadName_MalformedPrincipalHeader_ReturnsFalse(string encoded)
    {
        Assert.False(ClientPrincipalReader.TryReadName(Headers(("X-MS-CLIENT-PRINCIPAL", encoded)), out _));
    }

    private static string Principal(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.Where(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(header => header.Value)
            .FirstOrDefault();
}
