using System.Collections.Specialized;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AlertFunctions.App.AlertsApi;

/// <summary>Reads <see cref="AlertListQuery"/> from a query string; unknown keys (such as the function key <c>code</c>) are ignored.</summary>
public static class AlertListQueryParser
{
    public static bool TryParse(
        NameValueCollection query,
        [NotNullWhen(true)] out AlertListQuery? result,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        result = null;

        var platform = query["platform"];
        if (platform is not null)
        {
            platform = platform.Trim();
            if (platform.Length == 0 || platform.Length > AlertListQuery.MaxPlatformLength || platform.Any(char.IsControl))
            {
                error = $"platform must be 1 to {AlertListQuery.MaxPlatformLength} printable characters.";
                return false;
            }
        }

        AlertStatus? status = null;
        var statusText = query["status"];
        if (statusText is not null)
        {
            status = statusText.Trim().ToLowerInvariant() switch
            {
                "open" => AlertStatus.Open,
                "acknowledged" => AlertStatus.Acknowledged,
                "resolved" => AlertStatus.Resolved,
                _ => null,
            };
            if (status is null)
            {
                error = "status must be open, acknowledged or resolved.";
                return false;
            }
        }

        if (!TryParseBounded(query["days"], "days", AlertListQuery.DefaultDays, AlertListQuery.MaxDays, out var days, out error)
            || !TryParseBounded(query["max"], "max", AlertListQuery.DefaultMax, AlertListQuery.MaxMax, out var max, out error))
        {
            return false;
        }

        result = new AlertListQuery(platform, status, days, max);
        error = null;
        return true;
    }

    private static bool TryParseBounded(
        string? text,
        string name,
        int defaultValue,
        int maximum,
        out int value,
        [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (text is null)
        {
            value = defaultValue;
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= maximum)
        {
            return true;
        }

        error = $"{name} must be a whole number from 1 to {maximum}.";
        return false;
    }
}
