using System.Net.Sockets;
using Azure;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Says in a few words why a Table Storage call failed. The SDK's own text ("Retry failed after 4 tries. Retry settings
/// can be adjusted in ClientOptions.Retry…") never says which service failed nor, briefly, why.
/// </summary>
internal static class StorageFailure
{
    /// <summary>For example "connection refused after 4 tries" or "HTTP 403 (AuthorizationFailure)".</summary>
    public static string Describe(Exception error)
    {
        // Azure.Core's retry policy gives up with one inner exception per try.
        if (error is AggregateException { InnerExceptions.Count: > 0 } retried)
        {
            return $"{Describe(retried.InnerExceptions[^1])} after {retried.InnerExceptions.Count} tries";
        }

        if (error is RequestFailedException { Status: > 0 } answered)
        {
            return string.IsNullOrEmpty(answered.ErrorCode) ? $"HTTP {answered.Status}" : $"HTTP {answered.Status} ({answered.ErrorCode})";
        }

        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case SocketException socket:
                    return Describe(socket.SocketErrorCode) ?? socket.Message;
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return "host not found";
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return "TLS handshake failed";
                case TimeoutException or TaskCanceledException:
                    return "no answer in time";
            }
        }

        return error.Message;
    }

    private static string? Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        SocketError.ConnectionReset => "connection reset",
        _ => null,
    };
}
