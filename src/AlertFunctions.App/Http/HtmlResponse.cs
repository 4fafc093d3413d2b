using System.Net;
using Microsoft.Azure.Functions.Worker.Http;

namespace AlertFunctions.App.Http;

/// <summary>Writes responder pages with headers that keep them out of caches, frames and other origins' scripts.</summary>
internal static class HtmlResponse
{
    public static async Task<HttpResponseData> CreateAsync(
        HttpRequestData request,
        HttpStatusCode status,
        string html,
        CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "text/html; charset=utf-8");
        response.Headers.Add("Cache-Control", "no-store");
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        response.Headers.Add("Referrer-Policy", "no-referrer");
        response.Headers.Add(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        await response.WriteStringAsync(html, cancellationToken);
        return response;
    }
}
