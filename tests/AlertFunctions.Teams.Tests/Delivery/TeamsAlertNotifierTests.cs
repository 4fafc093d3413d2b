using System.Text.Json.Nodes;
using AlertFunctions.Teams.Tests.Cards;
using AlertFunctions.Teams.Tests.Fakes;
using AlertFunctions.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AlertFunctions.Teams.Tests.Delivery;

public sealed class TeamsAlertNotifierTests
{
    [Fact]
    public async Task NotifyAsync_Alert_PostsItsCardAndReportsDelivery()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);
        var alert = SampleAlerts.Ethereum();

        var result = await services.GetRequiredService<ITeamsNotifier>().NotifyAsync(alert);

        Assert.True(result.Delivered);
        Assert.Equal(202, result.StatusCode);
        var card = JsonNode.Parse(Assert.Single(endpoint.Requests).Body)!["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal(alert.AlertId, CardJson.Facts(card)["Alert id"]);
        Assert.Equal(
            $"{TeamsTestServices.AlertLinkBaseUrl}/alerts/{alert.AlertId}/ack",
            (string?)card["actions"]![1]!["url"]);
    }

    [Fact]
    public async Task NotifyAsync_TeamsRejects_ReturnsTheFailureInsteadOfThrowing()
    {
        await using var endpoint = FakeTeamsEndpoint.Start();
        endpoint.Fallback = FakeResponse.Status(403);
        await using var services = TeamsTestServices.Build(endpoint.WebhookUrl);

        var result = await services.GetRequiredService<ITeamsNotifier>().NotifyAsync(SampleAlerts.Bitcoin());

        Assert.False(result.Delivered);
        Assert.Equal(403, result.StatusCode);
        Assert.Equal("Teams answered 403 (Forbidden).", result.Error);
    }
}
