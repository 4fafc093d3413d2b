using System.Globalization;
using System.Text;

namespace AlertFunctions.Teams.Cards;

/// <summary>
/// Turns an event-supplied string into TextBlock-safe text. Adaptive Card TextBlocks (and FactSet values in Teams) render
/// markdown, so a producer-controlled value such as <c>[click](http://evil)</c> would otherwise become a live link in an
/// on-call channel. Order matters: clean, then truncate, then escape, so truncation can never cut an escape in half.
/// </summary>
internal static class CardText
{
    public const string Ellipsis = "…";

    // Markdown that Teams honours anywhere in a line: emphasis, code, links, images, autolinks, HTML, headings, entities.
    private const string AlwaysEscaped = "\\`*_[]()#<>~|{}!&";

    public static string Escape(string? value, int maxLength) => EscapeMarkdown(Truncate(Clean(value), maxLength));

    /// <summary>Removes control and invisible format characters (bidi overrides, zero-width) and folds line breaks into spaces.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                    builder.Append(' ');
                    break;
                case UnicodeCategory.Format:
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Cuts to at most <paramref name="maxLength"/> UTF-16 units including the ellipsis, never inside a surrogate pair.</summary>
    public static string Truncate(string value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length + 1);
        if (value.Length <= maxLength)
        {
            return value;
        }

        var cut = maxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return string.Concat(value.AsSpan(0, cut), Ellipsis);
    }

    public static string EscapeMarkdown(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (AlwaysEscaped.Contains(c) || StartsList(value, i) || InSchemeSeparator(value, i) || IsWwwDot(value, i))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // "- x", "+ x", "= x" and "1. x" / "1) x" only mean something at the start of a line, and a value may open a TextBlock.
    private static bool StartsList(string value, int i)
    {
        if (i == 0)
        {
            return value[0] is '-' or '+' or '=';
        }

        if (value[i] is not ('.' or ')'))
        {
            return false;
        }

        for (var j = 0; j < i; j++)
        {
            if (!char.IsAsciiDigit(value[j]))
            {
                return false;
            }
        }

        return true;
    }

    // Escaping "://" keeps renderers that auto-link bare URLs from seeing a URL in the markdown source.
    private static bool InSchemeSeparator(string value, int i) => value[i] switch
    {
        ':' => Matches(value, i, "://"),
        '/' => (i >= 1 && Matches(value, i - 1, "://")) || (i >= 2 && Matches(value, i - 2, "://")),
        _ => false,
    };

    private static bool IsWwwDot(string value, int i) =>
        value[i] == '.' && i >= 3 && string.Equals(value.Substring(i - 3, 3), "www", StringComparison.OrdinalIgnoreCase);

    private static bool Matches(string value, int start, string token) =>
        start >= 0 && start + token.Length <= value.Length && string.CompareOrdinal(value, start, token, 0, token.Length) == 0;
}
