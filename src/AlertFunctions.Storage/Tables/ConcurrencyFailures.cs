using Azure;

namespace AlertFunctions.Storage.Tables;

/// <summary>The status codes that mean "someone else wrote first": 412 (ETag changed), 409 (already exists), 404 (deleted meanwhile).</summary>
internal static class ConcurrencyFailures
{
    public static bool IsLostUpdate(RequestFailedException ex) => ex.Status is 409 or 412 or 404;
}
