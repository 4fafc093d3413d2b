using System.Net;
using System.Net.Http.Headers;

namespace AlertFunctions.Teams.Delivery;

/// <summary>
/// The wait a throttling answer asks for. Retry-After comes as seconds or as an HTTP date; either is honoured, a date in the
/// past means "now", and the wait is capped so one answer cannot hold a delivery beyond <see cref="TeamsOptions.MaxRetryAfter"/>.
/// </summary>
internal static class RetryAfterDelay
{
    public static TimeSpan? From(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        return From(response.Headers.RetryAfter, now, cap);
    }

    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan cap)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };

        if (wait is not { } value)
        {
            return null;
        }

        if (value < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return value > cap ? cap : value;
    }
}
