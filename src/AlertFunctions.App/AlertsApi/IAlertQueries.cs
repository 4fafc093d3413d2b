namespace AlertFunctions.App.AlertsApi;

/// <summary>Reads alerts for the API and the responder page.</summary>
public interface IAlertQueries
{
    /// <summary>Alerts matching <paramref name="query"/>, newest first, at most <see cref="AlertListQuery.Max"/>.</summary>
    Task<IReadOnlyList<AlertView>> ListRecentAsync(AlertListQuery query, CancellationToken cancellationToken);

    /// <summary>The alert, or null when there is none with that id.</summary>
    Task<AlertView?> GetAsync(string alertId, CancellationToken cancellationToken);
}
