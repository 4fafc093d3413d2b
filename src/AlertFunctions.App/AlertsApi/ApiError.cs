namespace AlertFunctions.App.AlertsApi;

/// <summary>The body of every API error response: one sentence a caller can act on.</summary>
public sealed record ApiError(string Error);
