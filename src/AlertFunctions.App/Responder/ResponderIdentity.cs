using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace AlertFunctions.App.Responder;

/// <summary>Who is using a responder page: the Easy Auth user, trusted only while Easy Auth is enabled for the app.</summary>
public static class ResponderIdentity
{
    /// <summary>False (the caller answers 401) when Easy Auth is off, even if principal headers are present, or when nobody is signed in.</summary>
    public static bool TryResolve(IConfiguration configuration, Func<string, string?> header, [NotNullWhen(true)] out string? name)
    {
        name = null;
        return AppServiceAuthentication.IsEnabled(configuration) && ClientPrincipalReader.TryReadName(header, out name);
    }
}
