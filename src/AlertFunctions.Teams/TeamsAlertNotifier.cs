using AlertFunctions.Detection.Alerts;
using AlertFunctions.Teams.Cards;
using AlertFunctions.Teams.Delivery;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Teams;

/// <summary>Builds the alert card and posts it to the Workflows webhook.</summary>
public sealed partial class TeamsAlertNotifier : ITeamsNotifier
{
    private readonly AlertCard _card;
    private readonly TeamsWebhookClient _client;
    private readonly ILogger<TeamsAlertNotifier> _logger;

    public TeamsAlertNotifier(AlertCard card, TeamsWebhookClient client, ILogger<TeamsAlertNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _card = card;
        _client = client;
        _logger = logger;
    }

    public async Task<TeamsDeliveryResult> NotifyAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var payload = _card.Build(alert);
        var result = await _client.PostAsync(payload, cancellationToken).ConfigureAwait(false);
        if (result.Delivered)
        {
            LogNotified(alert.AlertId, alert.Rule, alert.Revision, result.Attempts);
        }
        else
        {
            LogNotDelivered(alert.AlertId, alert.Rule, alert.Revision, result.StatusCode, result.Error);
        }

        return result;
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Alert {AlertId} ({Rule}, revision {Revision}) posted to Teams in {Attempts} attempt(s)")]
    private partial void LogNotified(string alertId, string rule, int revision, int attempts);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Error, Message = "Alert {AlertId} ({Rule}, revision {Revision}) was not posted to Teams: {StatusCode} {Error}")]
    private partial void LogNotDelivered(string alertId, string rule, int revision, int? statusCode, string? error);
}
