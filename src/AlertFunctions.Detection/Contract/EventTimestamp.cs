using System.Text.Json;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// How the contract reads a <c>timestamp</c> value (its unescaped UTF-8 text, without the quotes): ISO-8601 with a UTC
/// designator or an explicit offset, converted to UTC. The parser and anything that must order events exactly as the
/// engine will see them (the replay's first pass and its sorter) read timestamps here, so they cannot disagree. The
/// receiver's bounds (too far in the future, too old) are the parser's business, not this reading's.
/// </summary>
public static class EventTimestamp
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset utc) => Read(text, out utc) == EventTimestampReading.Utc;

    internal static EventTimestampReading Read(ReadOnlySpan<byte> text, out DateTimeOffset utc)
    {
        if (UtcTimestamp.TryParse(text, out utc))
        {
            return EventTimestampReading.Utc;
        }

        if (!TryParseIso8601(text, out var parsed))
        {
            return EventTimestampReading.Unparsable;
        }

        if (!HasExplicitOffset(text))
        {
            return EventTimestampReading.NoOffset;
        }

        utc = parsed.ToUniversalTime();
        return EventTimestampReading.Utc;
    }

    /// <summary>The JSON reader's ISO-8601 reading (the one a JSON string token gets), for the shapes the fast path declines.</summary>
    private static bool TryParseIso8601(ReadOnlySpan<byte> text, out DateTimeOffset parsed)
    {
        parsed = default;
        // Longer than any ISO-8601 date-time the reader accepts; it also keeps the quoted copy on the stack.
        const int MaxLength = 64;
        if (text.Length > MaxLength || text.IndexOfAny((byte)'"', (byte)'\\') >= 0)
        {
            return false;
        }

        Span<byte> quoted = stackalloc byte[MaxLength + 2];
        quoted[0] = (byte)'"';
        text.CopyTo(quoted[1..]);
        quoted[text.Length + 1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted[..(text.Length + 2)]);
        try
        {
            return reader.Read() && reader.TryGetDateTimeOffset(out parsed);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HasExplicitOffset(ReadOnlySpan<byte> raw)
    {
        if (raw.Length == 0)
        {
            return false;
        }

        if (raw[^1] is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        // ...+hh:mm or ...-hh:mm after the time part.
        var tIndex = raw.IndexOfAny((byte)'T', (byte)'t');
        if (tIndex < 0)
        {
            return false;
        }

        var time = raw[(tIndex + 1)..];
        return time.IndexOfAny((byte)'+', (byte)'-') >= 0;
    }
}

