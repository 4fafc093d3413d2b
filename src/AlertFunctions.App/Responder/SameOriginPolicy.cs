namespace AlertFunctions.App.Responder;

/// <summary>
/// Refuses state-changing browser requests that another site caused: the responder's session cookie would otherwise let any
/// page the responder visits submit an acknowledgement in their name.
/// </summary>
public static class SameOriginPolicy
{
    /// <param name="requestUrl">The URL the request was sent to.</param>
    /// <param name="origin">The <c>Origin</c> header, if any.</param>
    /// <param name="fetchSite">The <c>Sec-Fetch-Site</c> header, if any.</param>
    public static bool Allows(Uri requestUrl, string? origin, string? fetchSite)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        if (!string.IsNullOrWhiteSpace(fetchSite))
        {
            return fetchSite.Trim().ToLowerInvariant() is "same-origin" or "none";
        }

        if (string.IsNullOrWhiteSpace(origin))
        {
            // Browsers send Origin on form posts; a request without either header is not a cross-site form submission.
            return true;
        }

        // Host only: TLS ends in front of the app, so the scheme and port the worker sees may differ from the browser's.
        return Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var originUri)
            && string.Equals(originUri.Host, requestUrl.Host, StringComparison.OrdinalIgnoreCase);
    }
}
