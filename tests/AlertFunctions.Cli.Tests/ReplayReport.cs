using System.Globalization;
using System.Text.RegularExpressions;

namespace AlertFunctions.Cli.Tests;

/// <summary>Reads a count out of the replay's printed summary table ("│ Events read │ 7,127 │").</summary>
internal static partial class ReplayReport
{
    public static long Count(string output, string row)
    {
        var match = Regex.Match(output, $@"[│|]\s*{Regex.Escape(row)}\s*[│|]\s*([0-9,]+)\b");
        Assert.True(match.Success, $"the replay output has no '{row}' row:\n{output}");
        return long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
