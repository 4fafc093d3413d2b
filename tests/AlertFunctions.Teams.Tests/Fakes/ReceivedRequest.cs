namespace AlertFunctions.Teams.Tests.Fakes;

/// <summary>What <see cref="FakeTeamsEndpoint"/> saw; <see cref="ReceivedAt"/> is a <see cref="TimeProvider"/> timestamp.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, string Body, long ReceivedAt);
