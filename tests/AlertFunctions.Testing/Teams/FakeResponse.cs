namespace AlertFunctions.Testing.Teams;

/// <summary>
/// One scripted answer of <see cref="FakeTeamsEndpoint"/>: a status with an optional Retry-After, or no answer at all;
/// optionally given only after <see cref="Delay"/> (a slow Teams, so a post is still in flight while a test does more).
/// </summary>
public sealed record FakeResponse(int StatusCode, string? RetryAfter = null, bool Hang = false, TimeSpan Delay = default)
{
    public static FakeResponse Accepted() => new(202);

    public static FakeResponse Status(int statusCode) => new(statusCode);

    public static FakeResponse TooManyRequests(string retryAfter) => new(429, retryAfter);

    public static FakeResponse NoAnswer() => new(0, Hang: true);

    public static FakeResponse AcceptedAfter(TimeSpan delay) => new(202, Delay: delay);
}
