namespace AlertFunctions.App.AlertsApi;

/// <summary>
/// What a responder does with an alert. Both actions are idempotent: repeating one reports
/// <see cref="ResponderActionOutcome.Unchanged"/> with the alert as it stands. The time recorded is the implementation's clock.
/// </summary>
public interface IAlertResponderActions
{
    /// <summary>Marks an open alert acknowledged by <paramref name="by"/>; a resolved alert is a <see cref="ResponderActionOutcome.Conflict"/>.</summary>
    Task<ResponderActionResult> AcknowledgeAsync(string alertId, string by, CancellationToken cancellationToken);

    /// <summary>Marks an open or acknowledged alert resolved by <paramref name="by"/>.</summary>
    Task<ResponderActionResult> ResolveAsync(string alertId, string by, CancellationToken cancellationToken);
}
