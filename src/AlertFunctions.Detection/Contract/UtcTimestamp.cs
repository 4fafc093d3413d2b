namespace AlertFunctions.Detection.Contract;

/// <summary>
/// Reads the one timestamp shape nearly every producer writes, <c>yyyy-MM-ddTHH:mm:ss[.f…f]Z</c> (up to 7 fraction
/// digits), straight into a UTC <see cref="DateTimeOffset"/>. Any other shape (an offset, a lower-case designator, more
/// digits, a leap second, an impossible date) is declined and left to the JSON reader's ISO-8601 parsing, so what is
/// accepted and its value are the same either way; this only skips the general parser, which also checks for and applies
/// an offset.
/// </summary>
internal static class UtcTimestamp
{
    private const int BaseLength = 20; // yyyy-MM-ddTHH:mm:ssZ
    private const int MaxFractionDigits = 7;

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset utc)
    {
        utc = default;
        if (text.Length < BaseLength || text.Length > BaseLength + 1 + MaxFractionDigits || text.Length == BaseLength + 1
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[^1] != 'Z')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fractionTicks = 0;
        if (text.Length > BaseLength)
        {
            var fraction = text[(BaseLength - 1)..^1];
            if (fraction[0] != '.' || !TryDigits(fraction[1..], out var digits))
            {
                return false;
            }

            fractionTicks = digits;
            for (var i = fraction.Length - 1; i < MaxFractionDigits; i++)
            {
                fractionTicks *= 10;
            }
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        utc = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
