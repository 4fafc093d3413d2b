namespace AlertFunctions.App.AlertsApi;

/// <summary>
/// Which alerts <c>GET api/alerts</c> lists: those of the last <see cref="Days"/> days, newest first, at most <see cref="Max"/>,
/// optionally only one platform's or one status's.
/// </summary>
public sealed record AlertListQuery(string? Platform, AlertStatus? Status, int Days, int Max)
{
    public const int DefaultDays = 7;
    public const int MaxDays = 90;
    public const int DefaultMax = 100;
    public const int MaxMax = 500;
    public const int MaxPlatformLength = 100;

    public static AlertListQuery Default { get; } = new(null, null, DefaultDays, DefaultMax);
}
