using AlertFunctions.Storage.Alerts;

namespace AlertFunctions.App.AlertsApi;

/// <summary>Reads alerts from the alerts table for the API and the responder pages.</summary>
internal sealed class AlertQueries(AlertTableStore alerts, TimeProvider timeProvider) : IAlertQueries
{
    /// <remarks>
    /// "The last N days" starts at the UTC day N days ago, so it always covers at least N × 24 hours: with days=1 at 00:30 the
    /// alerts of the evening before are still listed. Rows are partitioned by the UTC day their window started.
    /// </remarks>
    public async Task<IReadOnlyList<AlertView>> ListRecentAsync(AlertListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fromDay = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime).AddDays(-query.Days);
        var status = query.Status is { } wanted ? AlertViewMapper.ToStorage(wanted).ToName() : null;
        var stored = await alerts.ListRecentAsync(fromDay, query.Max, query.Platform, status, cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(AlertViewMapper.ToView)];
    }

    public async Task<AlertView?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        var stored = await alerts.GetAsync(alertId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : AlertViewMapper.ToView(stored);
    }
}
