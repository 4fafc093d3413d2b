using System.Globalization;

namespace AlertFunctions.Storage.Tables;

/// <summary>
/// Decimals as invariant strings: the Table service has no decimal type and a double would lose cents on large amounts.
/// The string keeps the scale too (1.50 stays 1.50).
/// </summary>
internal static class InvariantDecimal
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string text) => decimal.Parse(text, Style, CultureInfo.InvariantCulture);
}
