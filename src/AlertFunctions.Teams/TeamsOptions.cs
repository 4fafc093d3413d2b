namespace AlertFunctions.Teams;

/// <summary>
/// Settings bound from the "Teams" section (app settings <c>Teams__WebhookUrl</c>, <c>Teams__AlertLinkBaseUrl</c>, ...).
/// Checked at start-up by <see cref="TeamsOptionsValidator"/>, so a bad value stops the app instead of silently dropping alerts.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// The Workflows "When a Teams webhook request is received" URL. It carries a signature in its query string, so it is a secret:
    /// never logged, never put in an error text, never echoed by validation messages.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Public base URL of the Alerts API; cards link to <c>{AlertLinkBaseUrl}/alerts/{alertId}</c>.</summary>
    public string? AlertLinkBaseUrl { get; set; }

    /// <summary>Workflows throttles above about 4 requests per second, so the client stays below that by default.</summary>
    public int MaxRequestsPerSecond { get; set; } = 4;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxAttempts { get; set; } = 5;

    /// <summary>Upper bound on a server-requested Retry-After, so one throttled answer cannot park a delivery for an hour.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Median first back-off after a 5xx or a network error; later back-offs grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
