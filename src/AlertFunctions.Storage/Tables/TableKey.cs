using System.Buffers;
using System.Globalization;
using System.Text;

namespace AlertFunctions.Storage.Tables;

/// <summary>
/// Reversible escaping of arbitrary strings for PartitionKey/RowKey. The service forbids '/', '\', '#', '?' and control characters;
/// '%' (the escape) and ':' (our composite-key separator) are escaped too. Every escaped character is below U+00A0, so a
/// two-hex-digit code is enough; everything else, including any Unicode, passes through unchanged.
/// </summary>
public static class TableKey
{
    private static readonly SearchValues<char> EscapedCharacters = SearchValues.Create(BuildEscapedSet());

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(EscapedCharacters))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && char.IsAsciiHexDigit(encoded[i + 1]) && char.IsAsciiHexDigit(encoded[i + 2]))
            {
                builder.Append((char)int.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(encoded[i]);
            }
        }

        return builder.ToString();
    }

    private static bool MustEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or ':' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F';

    private static string BuildEscapedSet()
    {
        var builder = new StringBuilder();
        for (var c = '\0'; c < '\u00A0'; c++)
        {
            if (MustEscape(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
