using AlertFunctions.Teams.Cards;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Teams.Tests.Cards;

internal static class AlertCardFactory
{
    public const string WebhookUrl = "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=card-test-secret";

    public static AlertCard Create(string alertLinkBaseUrl = "https://alerts.example.test/api") =>
        new(Options.Create(new TeamsOptions { WebhookUrl = WebhookUrl, AlertLinkBaseUrl = alertLinkBaseUrl }));
}
