using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using AlertFunctions.App.AlertsApi;

namespace AlertFunctions.App.Responder;

/// <summary>
/// Reads the signed-in user's name from the headers App Service Authentication (Easy Auth) adds to each request. Only
/// trustworthy when Easy Auth is enabled, because Easy Auth then removes these headers from incoming requests; see
/// <see cref="AppServiceAuthentication.IsEnabled"/>.
/// </summary>
public static class ClientPrincipalReader
{
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    // Claim types tried when the principal's own name claim type is absent, most specific first.
    private static readonly string[] FallbackNameClaims =
    [
        "preferred_username",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "name",
    ];

    /// <summary>
    /// The user's name from <c>X-MS-CLIENT-PRINCIPAL-NAME</c>, or else from the name claim of the base64 JSON in
    /// <c>X-MS-CLIENT-PRINCIPAL</c>; false when neither yields a usable name.
    /// </summary>
    public static bool TryReadName(Func<string, string?> header, [NotNullWhen(true)] out string? name)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (ActorName.TryNormalize(header(NameHeader), out name))
        {
            return true;
        }

        return TryReadNameFromPrincipal(header(PrincipalHeader), out name);
    }

    private static bool TryReadNameFromPrincipal(string? encoded, [NotNullWhen(true)] out string? name)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(encoded))
        {
            return false;
        }

        string json;
        try
        {
            json = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("claims", out var claims)
                || claims.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var nameClaimType = root.TryGetProperty("name_typ", out var nameType) && nameType.ValueKind == JsonValueKind.String
                ? nameType.GetString()
                : null;
            foreach (var claimType in FallbackNameClaims.Prepend(nameClaimType))
            {
                if (claimType is not null && TryFindClaim(claims, claimType, out var value) && ActorName.TryNormalize(value, out name))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private static bool TryFindClaim(JsonElement claims, string claimType, out string? value)
    {
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind == JsonValueKind.Object
                && claim.TryGetProperty("typ", out var typ)
                && typ.ValueKind == JsonValueKind.String
                && string.Equals(typ.GetString(), claimType, StringComparison.OrdinalIgnoreCase)
                && claim.TryGetProperty("val", out var val)
                && val.ValueKind == JsonValueKind.String)
            {
                value = val.GetString();
                return true;
            }
        }

        value = null;
        return false;
    }
}
