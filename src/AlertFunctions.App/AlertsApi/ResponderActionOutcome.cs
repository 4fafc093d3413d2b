namespace AlertFunctions.App.AlertsApi;

public enum ResponderActionOutcome
{
    /// <summary>The alert changed state.</summary>
    Applied,

    /// <summary>The alert was already in the requested state; nothing changed.</summary>
    Unchanged,

    /// <summary>There is no alert with that id.</summary>
    NotFound,

    /// <summary>The alert's state does not allow the action (acknowledging a resolved alert).</summary>
    Conflict,
}
