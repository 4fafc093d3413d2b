namespace AlertFunctions.Storage.Alerts;

public enum PostClaimOutcome
{
    /// <summary>This caller holds the claim and should post.</summary>
    Claimed,

    /// <summary>The alert's current severity was already posted.</summary>
    NotOwed,

    /// <summary>Another deliverer's claim is still running: it is posting.</summary>
    HeldByAnother,

    /// <summary>There is no such alert.</summary>
    Missing,
}
