using System.Text;
using System.Text.Json;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// The three top-level string fields the replay reads from a line before replaying it (<c>platform</c>,
/// <c>sourceWallet</c>, <c>timestamp</c>), as unescaped UTF-8. A field that is absent, not a string, or only found inside
/// a nested value or another field's text is empty; a line that is not a JSON object gives nothing at all. Nothing is
/// validated here: the main pass does that.
/// </summary>
internal readonly ref struct FirstPassFields
{
    public ReadOnlySpan<byte> Platform { get; private init; }

    public ReadOnlySpan<byte> SourceWallet { get; private init; }

    public ReadOnlySpan<byte> Timestamp { get; private init; }

    public static FirstPassFields Read(ReadOnlySpan<byte> line)
    {
        // The fast path, for the flat objects producers write: exactly one '{' in the line (so no nested object can hold a
        // field of the same name) and each name exactly once, followed by ':' and a string without escapes. Anything else
        // is read with the JSON reader.
        if (line.Count((byte)'{') == 1
            && TryFindPlainValue(line, "\"platform\""u8, out var platform)
            && TryFindPlainValue(line, "\"sourceWallet\""u8, out var wallet)
            && TryFindPlainValue(line, "\"timestamp\""u8, out var timestamp))
        {
            return new FirstPassFields { Platform = platform, SourceWallet = wallet, Timestamp = timestamp };
        }

        return ReadWithJsonReader(line);
    }

    private static bool TryFindPlainValue(ReadOnlySpan<byte> line, ReadOnlySpan<byte> quotedName, out ReadOnlySpan<byte> value)
    {
        value = default;
        var at = line.IndexOf(quotedName);
        if (at <= 0 || line[(at + 1)..].IndexOf(quotedName) >= 0)
        {
            return false;
        }

        var rest = line[(at + quotedName.Length)..].TrimStart(" \t"u8);
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

        byte[]? platform = null, wallet = null, timestamp = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals("platform"u8) ? 1 : reader.ValueTextEquals("sourceWallet"u8) ? 2 : reader.ValueTextEquals("timestamp"u8) ? 3 : 0;
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
                    default:
                        timestamp = value;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A line that breaks gives nothing, not what was read before the break: the main pass refuses it anyway.
            return default;
        }

        return new FirstPassFields { Platform = platform, SourceWallet = wallet, Timestamp = timestamp };
    }
}
