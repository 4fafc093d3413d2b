namespace AlertFunctions.Testing.Teams;

/// <summary>One scripted answer of <see cref="FakeTeamsEndpoint"/>: a status with an optional Retry-After, or no answer at all.</summary>
public sealed record FakeResponse(int StatusCode, string? RetryAfter = null, bool Hang = false)
{
    public static FakeResponse Accepted() => new(202);

    public static FakeResponse Status(int statusCode) => new(statusCode);

    public static FakeResponse TooManyRequests(string retryAfter) => new(429, retryAfter);

    public static FakeResponse NoAnswer() => new(0, Hang: true);
}
