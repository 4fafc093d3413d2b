using System.Text.RegularExpressions;
using AlertFunctions.Testing.Teams;

namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>Reads the fake Teams endpoint's log as a responder would read the channel: which alerts were posted, how often.</summary>
internal static partial class TeamsPosts
{
    /// <summary>Alert ids of accepted alert cards (each card links to <c>/alerts/{id}</c>), one entry per accepted post.</summary>
    public static IReadOnlyList<string> AcceptedAlertIds(FakeTeamsEndpoint teams) =>
    [
        .. teams.AcceptedBodies
            .Select(body => AlertLink().Match(body))
            .Where(match => match.Success)
            .Select(match => match.Groups["id"].Value),
    ];

    [GeneratedRegex(@"/alerts/(?<id>[a-z0-9-]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex AlertLink();
}
