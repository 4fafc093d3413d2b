using Microsoft.Extensions.Configuration;

namespace AlertFunctions.App.Responder;

/// <summary>Facts about App Service Authentication (Easy Auth) that the responder routes depend on.</summary>
public static class AppServiceAuthentication
{
    /// <summary>App Service sets this app setting to <c>True</c> while Easy Auth is on.</summary>
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The Microsoft Entra sign-in endpoint Easy Auth serves.</summary>
    public const string SignInPath = "/.auth/login/aad";

    /// <summary>
    /// Whether Easy Auth fronts this app. Without it anyone could send the principal headers, so the responder routes
    /// must treat every request as anonymous.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[EnabledSetting], "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The sign-in link that brings the user back to <paramref name="returnPath"/> afterwards.</summary>
    public static string SignInUrl(string returnPath) =>
        $"{SignInPath}?post_login_redirect_uri={Uri.EscapeDataString(returnPath)}";
}
