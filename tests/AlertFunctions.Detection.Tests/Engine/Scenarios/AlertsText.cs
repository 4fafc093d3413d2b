using System.Text.Json;
using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Alerts as text to compare byte for byte: each alert's JSON, one per line, in the order given.</summary>
internal static class AlertsText
{
    public static string Of(IEnumerable<Alert> alerts) =>
        string.Join('\n', alerts.Select(a => JsonSerializer.Serialize(a, AlertJsonContext.Default.Alert)));
}
