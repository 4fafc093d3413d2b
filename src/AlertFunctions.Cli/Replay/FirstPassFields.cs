using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// The four top-level string fields the replay reads from a line before replaying it (<c>platform</c>,
/// <c>sourceWallet</c>, <c>timestamp</c>, <c>eventId</c>), as unescaped UTF-8. A field that is absent, not a string, or only found inside
/// a nested value or another field's text is empty; a line that is not a JSON object gives nothing at all. Nothing is
/// validated here: the main pass does that.
/// </summary>
internal readonly ref struct FirstPassFields
{
    public ReadOnlySpan<byte> Platform { get; private init; }

    public ReadOnlySpan<byte> SourceWallet { get; private init; }

    public ReadOnlySpan<byte> Timestamp { get; private init; }

    public ReadOnlySpan<byte> EventId { get; private init; }

    public static FirstPassFields Read(ReadOnlySpan<byte> line)
    {
        // The fast path, for the flat objects producers write: exactly one '{' in the line (so no nested object can hold a
        // field of the same name) and each name exactly once, followed by ':' and a string without escapes. Anything else
        // is read with the JSON reader.
        if (line.Count((byte)'{') == 1 && TryFindPlainValues(line, out var fields))
        {
            return fields;
        }

        return ReadWithJsonReader(line);
    }

    /// <summary>
    /// Finds the four quoted names in one pass over the line: every occurrence of a quoted name is a '"' followed by the
    /// name's first letter (p, s, t or e), so looking at each such pair once finds all of them. Why: two substring searches
    /// per name (one to find it, one to make sure it is there only once) were 3.5% of a replay's CPU, and calling a search
    /// per quote was no cheaper. The pairs among sixteen bytes are found with two loads (each byte and the one after it) and
    /// five comparisons; looking at every quote instead (about 26 in a usual line, 6 to 8 of them such pairs) was a
    /// third of this pass's time.
    /// </summary>
    internal static bool TryFindPlainValues(ReadOnlySpan<byte> line, out FirstPassFields fields)
    {
        fields = default;
        var names = new NameOccurrences();
        var at = 0;
        // The second load reads one byte further, so it must fit too. Thirty-two bytes a step where the processor compares
        // that many at once: sixteen a step throughout ended the first pass later on the 280,000-event file (median of 15
        // rounds, 65 against 61 ms from the start).
        if (Vector256.IsHardwareAccelerated)
        {
            for (; at + Vector256<byte>.Count < line.Length; at += Vector256<byte>.Count)
            {
                if (!names.VisitAll(line, at, NameStarts32(line, at)))
                {
                    return false;
                }
            }
        }

        for (; at + Vector128<byte>.Count < line.Length; at += Vector128<byte>.Count)
        {
            if (!names.VisitAll(line, at, NameStarts16(line, at)))
            {
                return false;
            }
        }

        for (; at < line.Length; at++)
        {
            if (line[at] == (byte)'"' && !names.Visit(line, at))
            {
                return false;
            }
        }

        if (!TryReadPlainValue(line, names.Platform, PlatformName.Length, out var platform)
            || !TryReadPlainValue(line, names.SourceWallet, SourceWalletName.Length, out var wallet)
            || !TryReadPlainValue(line, names.Timestamp, TimestampName.Length, out var timestamp)
            || !TryReadPlainValue(line, names.EventId, EventIdName.Length, out var eventId))
        {
            return false;
        }

        fields = new FirstPassFields { Platform = platform, SourceWallet = wallet, Timestamp = timestamp, EventId = eventId };
        return true;
    }

    /// <summary>A bit for each of the 32 bytes from <paramref name="at"/> that is a quote followed by p, s, t or e.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NameStarts32(ReadOnlySpan<byte> line, int at)
    {
        var next = Vector256.Create(line.Slice(at + 1, Vector256<byte>.Count));
        var initials = Vector256.Equals(next, Vector256.Create((byte)'p')) | Vector256.Equals(next, Vector256.Create((byte)'s'))
            | Vector256.Equals(next, Vector256.Create((byte)'t')) | Vector256.Equals(next, Vector256.Create((byte)'e'));
        return (Vector256.Equals(Vector256.Create(line.Slice(at, Vector256<byte>.Count)), Vector256.Create((byte)'"')) & initials).ExtractMostSignificantBits();
    }

    /// <summary>A bit for each of the 16 bytes from <paramref name="at"/> that is a quote followed by p, s, t or e.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NameStarts16(ReadOnlySpan<byte> line, int at)
    {
        var next = Vector128.Create(line.Slice(at + 1, Vector128<byte>.Count));
        var initials = Vector128.Equals(next, Vector128.Create((byte)'p')) | Vector128.Equals(next, Vector128.Create((byte)'s'))
            | Vector128.Equals(next, Vector128.Create((byte)'t')) | Vector128.Equals(next, Vector128.Create((byte)'e'));
        return (Vector128.Equals(Vector128.Create(line.Slice(at, Vector128<byte>.Count)), Vector128.Create((byte)'"')) & initials).ExtractMostSignificantBits();
    }

    private static ReadOnlySpan<byte> PlatformName => "\"platform\""u8;

    private static ReadOnlySpan<byte> SourceWalletName => "\"sourceWallet\""u8;

    private static ReadOnlySpan<byte> TimestampName => "\"timestamp\""u8;

    private static ReadOnlySpan<byte> EventIdName => "\"eventId\""u8;

    /// <summary>Where each quoted name occurs (-1: nowhere); a name seen twice ends the search.</summary>
    private struct NameOccurrences()
    {
        public int Platform = -1;
        public int SourceWallet = -1;
        public int Timestamp = -1;
        public int EventId = -1;

        /// <summary>Visits the quotes at <paramref name="start"/> plus each set bit's index in <paramref name="quotes"/>.</summary>
        /// <returns>False when one of them starts a name already seen.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool VisitAll(ReadOnlySpan<byte> line, int start, uint quotes)
        {
            for (; quotes != 0; quotes &= quotes - 1)
            {
                if (!Visit(line, start + BitOperations.TrailingZeroCount(quotes)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <returns>False when the quote at <paramref name="quote"/> starts a name already seen.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ReadOnlySpan<byte> line, int quote)
        {
            var rest = line[quote..];
            if (rest.Length < 2)
            {
                return true;
            }

            return rest[1] switch
            {
                (byte)'p' when rest.StartsWith(PlatformName) => TakeOnly(ref Platform, quote),
                (byte)'s' when rest.StartsWith(SourceWalletName) => TakeOnly(ref SourceWallet, quote),
                (byte)'t' when rest.StartsWith(TimestampName) => TakeOnly(ref Timestamp, quote),
                (byte)'e' when rest.StartsWith(EventIdName) => TakeOnly(ref EventId, quote),
                _ => true,
            };
        }

        private static bool TakeOnly(ref int at, int quote)
        {
            if (at >= 0)
            {
                return false;
            }

            at = quote;
            return true;
        }
    }

    /// <param name="at">Where the quoted name starts; the line's first character cannot be a name, nor can a missing one (-1).</param>
    private static bool TryReadPlainValue(ReadOnlySpan<byte> line, int at, int quotedNameLength, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (at <= 0)
        {
            return false;
        }

        var rest = line[(at + quotedNameLength)..].TrimStart(" \t"u8);
        if (rest.IsEmpty || rest[0] != (byte)':')
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t"u8);
        if (rest.IsEmpty || rest[0] != (byte)'"')
        {
            return false;
        }

        var end = rest[1..].IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || rest[1 + end] != (byte)'"')
        {
            return false;
        }

        value = rest.Slice(1, end);
        return true;
    }

    private static FirstPassFields ReadWithJsonReader(ReadOnlySpan<byte> line)
    {
        // Blank lines separate events; the reader would throw on each (measured: a file of blank lines took 10x as long).
        if (line.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return default;
        }

        byte[]? platform = null, wallet = null, timestamp = null, eventId = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals("platform"u8) ? 1
                    : reader.ValueTextEquals("sourceWallet"u8) ? 2
                    : reader.ValueTextEquals("timestamp"u8) ? 3
                    : reader.ValueTextEquals("eventId"u8) ? 4
                    : 0;
                reader.Read();
                if (field == 0 || reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                var value = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan.ToArray();
                switch (field)
                {
                    case 1:
                        platform = value;
                        break;
                    case 2:
                        wallet = value;
                        break;
                    case 3:
                        timestamp = value;
                        break;
                    default:
                        eventId = value;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A line that breaks gives nothing, not what was read before the break: the main pass refuses it anyway.
            return default;
        }

        return new FirstPassFields { Platform = platform, SourceWallet = wallet, Timestamp = timestamp, EventId = eventId };
    }
}
