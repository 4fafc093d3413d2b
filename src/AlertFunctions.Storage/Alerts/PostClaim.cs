namespace AlertFunctions.Storage.Alerts;

/// <summary>The answer to a claim on an alert's post, with the row as it stands (null when there is no such alert).</summary>
public sealed record PostClaim(PostClaimOutcome Outcome, StoredAlert? Alert);
