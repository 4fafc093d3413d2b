using System.Text.Json;
using System.Text.RegularExpressions;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Alert changes as comparable text, for tests that replay the same events with and without a restart: the kind and the
/// alert's JSON with each decimal's trailing zeros dropped. 766000.00 and 766000 are the same amount: a window sum keeps
/// the scale of withdrawals that have left it, where a restored sum adds only the buckets still held (a known difference
/// in the alerts' JSON only).
/// </summary>
internal static partial class AlertChangeDescriptions
{
    public static List<string> Of(IEnumerable<AlertChange> changes) =>
        changes.Select(c => $"{c.Kind} {TrailingZeros().Replace(JsonSerializer.Serialize(c.Alert, AlertJsonContext.Default.Alert), "$1")}").ToList();

    [GeneratedRegex(@"(\d+(?:\.\d*[1-9])?)(?:\.0+|(?<=\.\d*[1-9])0+)(?=[,}\]])")]
    private static partial Regex TrailingZeros();
}
