using System.Globalization;

namespace AlertFunctions.Storage.Tables;

/// <summary>The yyyyMMdd partition key of a UTC day: it sorts chronologically as a string, so day ranges are key ranges.</summary>
public static class DayKey
{
    private const string Format = "yyyyMMdd";

    public static string From(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public static string From(DateTimeOffset instant) => From(DayOf(instant));

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static DateOnly Parse(string key) => DateOnly.ParseExact(key, Format, CultureInfo.InvariantCulture);
}
