using System.Globalization;
using AlertFunctions.Storage.Tables;

namespace AlertFunctions.Storage.Alerts;

/// <summary>
/// Where a row probably sits, read from its id alone. An alert id (<c>{rule}-{yyyyMMddHHmm}-{hash}</c>) carries the time of
/// the event that raised the alert, and the row's partition is the UTC day its first window started: that day or, for a
/// window reaching back over midnight, the day before. Two point reads then find nearly every alert without scanning the
/// table; an id of another shape (or a window starting earlier still) falls back to the scan.
/// </summary>
internal static class AlertIdDays
{
    private const string TimeFormat = "yyyyMMddHHmm";

    public static IReadOnlyList<string> Candidates(string alertId)
    {
        if (RaisedOn(alertId) is not { } day)
        {
            return [];
        }

        return day == DateOnly.MinValue ? [DayKey.From(day)] : [DayKey.From(day), DayKey.From(day.AddDays(-1))];
    }

    /// <summary>The UTC day of the event that raised the alert, read from its id; null for an id of another shape.</summary>
    public static DateOnly? RaisedOn(string alertId)
    {
        var end = alertId.LastIndexOf('-');
        var start = end > TimeFormat.Length ? end - TimeFormat.Length : -1;
        if (start <= 0 || alertId[start - 1] != '-'
            || !DateTime.TryParseExact(alertId.AsSpan(start, TimeFormat.Length), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var raisedAt))
        {
            return null;
        }

        return DateOnly.FromDateTime(raisedAt);
    }
}
