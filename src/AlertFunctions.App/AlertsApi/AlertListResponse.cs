namespace AlertFunctions.App.AlertsApi;

/// <summary>The body of <c>GET api/alerts</c>; an object rather than a bare array, so fields can be added later.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertView> Alerts);
