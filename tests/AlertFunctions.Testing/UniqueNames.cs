using System.Text.RegularExpressions;

namespace AlertFunctions.Testing;

/// <summary>
/// Names that are valid both as a table name (letters and digits, starting with a letter, 3-63 characters) and as a queue name
/// (lowercase letters, digits and hyphens, 3-63 characters), so one value can isolate a test's tables and queues.
/// </summary>
public static partial class UniqueNames
{
    private const int RandomLength = 16;
    private const int MaxLength = 63;
    private const int MaxPrefixLength = MaxLength - RandomLength;

    public static string Create(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!PrefixPattern().IsMatch(prefix) || prefix.Length > MaxPrefixLength)
        {
            throw new ArgumentException(
                $"Prefix '{prefix}' must be 1-{MaxPrefixLength} lowercase letters and digits, starting with a letter.", nameof(prefix));
        }

        return prefix + Guid.NewGuid().ToString("N")[..RandomLength];
    }

    [GeneratedRegex("^[a-z][a-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
