using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Teams.Cards;

/// <summary>Adaptive Card 1.5 container styles and text colours per severity: red for what must wake someone, amber for medium.</summary>
internal static class SeverityStyle
{
    public static string ContainerStyle(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "attention",
        Severity.Medium => "warning",
        _ => "default",
    };

    public static string TextColor(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "attention",
        Severity.Medium => "warning",
        _ => "default",
    };

    public static string Label(Severity severity) => severity.ToName().ToUpperInvariant();
}
