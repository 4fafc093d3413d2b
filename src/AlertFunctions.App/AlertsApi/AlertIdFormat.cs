namespace AlertFunctions.App.AlertsApi;

/// <summary>A cheap sanity check on alert ids taken from URLs, before they reach storage or a page.</summary>
public static class AlertIdFormat
{
    public const int MaxLength = 256;

    public static bool IsPlausible(string? alertId) =>
        !string.IsNullOrWhiteSpace(alertId) && alertId.Length <= MaxLength && !alertId.Any(char.IsControl);
}
