using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AlertFunctions.App.AlertsApi;
using Microsoft.Azure.Functions.Worker.Http;

namespace AlertFunctions.App.Http;

/// <summary>Writes API responses with the source-generated serializer (the worker's default serializer uses reflection).</summary>
internal static class JsonResponse
{
    public static async Task<HttpResponseData> CreateAsync<T>(
        HttpRequestData request,
        HttpStatusCode status,
        T value,
        JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        response.Headers.Add("Cache-Control", "no-store");
        await JsonSerializer.SerializeAsync(response.Body, value, typeInfo, cancellationToken);
        return response;
    }

    public static Task<HttpResponseData> ErrorAsync(
        HttpRequestData request,
        HttpStatusCode status,
        string message,
        CancellationToken cancellationToken) =>
        CreateAsync(request, status, new ApiError(message), AppJsonContext.Default.ApiError, cancellationToken);
}
