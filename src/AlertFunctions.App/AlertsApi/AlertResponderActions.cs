using AlertFunctions.Storage.Alerts;
using StoredAlertStatus = AlertFunctions.Storage.Alerts.AlertStatus;

namespace AlertFunctions.App.AlertsApi;

/// <summary>
/// Acknowledges and resolves alerts, recording who and when (this service's clock). The store keeps the first acknowledgement
/// and the first resolution, so when two responders race the outcome says whose action counted.
/// </summary>
internal sealed class AlertResponderActions(AlertTableStore alerts, TimeProvider timeProvider) : IAlertResponderActions
{
    public async Task<ResponderActionResult> AcknowledgeAsync(string alertId, string by, CancellationToken cancellationToken)
    {
        var stored = await alerts.GetAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ResponderActionResult.NotFound;
        }

        if (stored.AcknowledgedAt is not null)
        {
            return new ResponderActionResult(ResponderActionOutcome.Unchanged, AlertViewMapper.ToView(stored));
        }

        if (stored.Status == StoredAlertStatus.Resolved)
        {
            return new ResponderActionResult(ResponderActionOutcome.Conflict, AlertViewMapper.ToView(stored));
        }

        var at = timeProvider.GetUtcNow();
        await alerts.AcknowledgeAsync(alertId, by, at, cancellationToken).ConfigureAwait(false);
        return await ResultAfterAsync(alertId, s => s.AcknowledgedBy == by && s.AcknowledgedAt == at, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResponderActionResult> ResolveAsync(string alertId, string by, CancellationToken cancellationToken)
    {
        var stored = await alerts.GetAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ResponderActionResult.NotFound;
        }

        if (stored.ResolvedAt is not null)
        {
            return new ResponderActionResult(ResponderActionOutcome.Unchanged, AlertViewMapper.ToView(stored));
        }

        var at = timeProvider.GetUtcNow();
        await alerts.ResolveAsync(alertId, by, at, cancellationToken).ConfigureAwait(false);
        return await ResultAfterAsync(alertId, s => s.ResolvedBy == by && s.ResolvedAt == at, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResponderActionResult> ResultAfterAsync(string alertId, Func<StoredAlert, bool> appliedByUs, CancellationToken cancellationToken)
    {
        var after = await alerts.GetAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (after is null)
        {
            return ResponderActionResult.NotFound;
        }

        var outcome = appliedByUs(after) ? ResponderActionOutcome.Applied : ResponderActionOutcome.Unchanged;
        return new ResponderActionResult(outcome, AlertViewMapper.ToView(after));
    }
}
