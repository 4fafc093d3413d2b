namespace AlertFunctions.Testing.Teams;

/// <summary>
/// What <see cref="FakeTeamsEndpoint"/> saw and how it answered (<see cref="AnsweredStatus"/> 0 when it did not answer);
/// <see cref="ReceivedAt"/> is a <see cref="TimeProvider.System"/> timestamp.
/// </summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, string Body, long ReceivedAt, int AnsweredStatus);
