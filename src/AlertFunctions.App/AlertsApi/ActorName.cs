using System.Diagnostics.CodeAnalysis;

namespace AlertFunctions.App.AlertsApi;

/// <summary>The rules for the name recorded as who acknowledged or resolved an alert.</summary>
public static class ActorName
{
    public const int MaxLength = 200;

    public static bool TryNormalize(string? raw, [NotNullWhen(true)] out string? name)
    {
        name = raw?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name.Any(char.IsControl))
        {
            name = null;
            return false;
        }

        return true;
    }
}
