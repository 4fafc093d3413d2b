namespace AlertFunctions.App.AlertsApi;

/// <summary>The outcome of a responder action and the alert as it stands afterwards (null only for <see cref="ResponderActionOutcome.NotFound"/>).</summary>
public sealed record ResponderActionResult(ResponderActionOutcome Outcome, AlertView? Alert)
{
    public static ResponderActionResult NotFound { get; } = new(ResponderActionOutcome.NotFound, null);
}
