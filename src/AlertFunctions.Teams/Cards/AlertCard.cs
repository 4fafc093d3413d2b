using System.Text.Json.Nodes;
using AlertFunctions.Detection.Alerts;
using Microsoft.Extensions.Options;

namespace AlertFunctions.Teams.Cards;

/// <summary>
/// Builds the Teams message for one alert, laid out for a responder woken at 3 a.m.: what, how bad, how much, where,
/// then the numbers behind the decision, the evidence with explorer links, and buttons to open or acknowledge the alert.
/// Output is deterministic: the same alert always gives the same bytes.
/// </summary>
public sealed class AlertCard
{
    // An id this long cannot come from the engine; a link built from it would be useless, so the card goes without buttons.
    private const int MaxLinkedAlertIdLength = 512;

    private readonly string _alertLinkBase;

    public AlertCard(IOptions<TeamsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.Value.AlertLinkBaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException("Teams:AlertLinkBaseUrl must be an absolute URI.", nameof(options));
        }

        _alertLinkBase = baseUrl!.TrimEnd('/');
    }

    public TeamsMessagePayload Build(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        foreach (var limits in CardLimits.Tiers)
        {
            var payload = TeamsMessagePayload.FromCard(BuildCard(alert, limits));
            if (payload.Length <= TeamsMessagePayload.MaxBytes)
            {
                return payload;
            }
        }

        throw new InvalidOperationException($"The card for alert {alert.AlertId} exceeds {TeamsMessagePayload.MaxBytes} bytes even at the smallest tier.");
    }

    internal JsonObject BuildCard(Alert alert, CardLimits limits)
    {
        var body = new List<JsonNode>
        {
            Headline(alert, limits),
            AdaptiveElements.TextBlock(CardText.Escape(alert.Summary, limits.MaxSentenceLength), spacing: "Medium"),
            AdaptiveElements.FactSet(Facts(alert, limits)),
            AdaptiveElements.Heading("Threshold crossed"),
            AdaptiveElements.FactSet(ThresholdFacts(alert.Details, limits)),
        };

        var destinations = EvidenceList(
            "destinations", alert.Destinations, alert.DestinationsOmitted, limits,
            value => EvidenceText.Address(alert.Chain, value, limits.MaxValueLength));
        if (destinations is not null)
        {
            body.Add(AdaptiveElements.Heading("Top destinations"));
            body.Add(destinations);
        }

        var transactions = EvidenceList(
            "transactions", alert.TxHashes, omitted: 0, limits,
            value => EvidenceText.Transaction(alert.Chain, value, limits.MaxValueLength));
        if (transactions is not null)
        {
            body.Add(AdaptiveElements.Heading("Transactions"));
            body.Add(transactions);
        }

        return AdaptiveElements.Card(body, Actions(alert.AlertId));
    }

    private static JsonObject Headline(Alert alert, CardLimits limits)
    {
        var title = $"{SeverityStyle.Label(alert.Severity)} · {RuleTitles.For(alert.Rule, limits.MaxValueLength)}";
        var where = $"{CardNumbers.AlertUsd(alert.AmountUsd)} · {CardText.Escape(alert.Platform, limits.MaxValueLength)} · " +
            $"{CardText.Escape(alert.Chain, limits.MaxValueLength)} · {AssetName(alert.Asset, limits)}";
        var rule = $"Rule {CardText.Escape(alert.Rule, limits.MaxValueLength)} · revision {alert.Revision} · window ended {CardNumbers.Utc(alert.WindowEnd)}";

        return AdaptiveElements.Container(
            [
                AdaptiveElements.TextBlock(title, size: "Large", weight: "Bolder", color: SeverityStyle.TextColor(alert.Severity)),
                AdaptiveElements.TextBlock(where, size: "Medium", weight: "Bolder", spacing: "Small"),
                AdaptiveElements.TextBlock(rule, subtle: true, spacing: "None"),
            ],
            id: "headline",
            style: SeverityStyle.ContainerStyle(alert.Severity),
            bleed: true);
    }

    private static IEnumerable<(string, string)> Facts(Alert alert, CardLimits limits)
    {
        var max = limits.MaxValueLength;
        yield return ("Alert id", CardText.Escape(alert.AlertId, max));
        yield return ("Severity", alert.Severity.ToName());
        yield return ("Rule", $"{RuleTitles.For(alert.Rule, max)} ({CardText.Escape(alert.Rule, max)})");
        yield return ("Platform", CardText.Escape(alert.Platform, max));
        yield return ("Chain", CardText.Escape(alert.Chain, max));
        yield return ("Asset", AssetName(alert.Asset, limits));
        yield return ("Amount (USD)", CardNumbers.AlertUsd(alert.AmountUsd));
        yield return ("Amount (asset)", alert.AmountAsset is { } units
            ? $"{CardNumbers.Quantity(units)} {CardText.Escape(alert.Asset, max)}"
            : "not applicable (several assets)");
        yield return ("Window (UTC)", $"{CardNumbers.Utc(alert.WindowStart)} – {CardNumbers.Utc(alert.WindowEnd)}");
        yield return ("Events", CardNumbers.Count(alert.EventCount));
        yield return ("Subject", $"{Subject(alert, max)} ({alert.SubjectType.ToName()})");
        yield return ("Trigger event", CardText.Escape(alert.TriggerEventId, max));
    }

    private static IEnumerable<(string, string)> ThresholdFacts(AlertDetails details, CardLimits limits)
    {
        var isUsd = details.Measure.Contains("usd", StringComparison.OrdinalIgnoreCase);
        string Value(decimal value) => isUsd ? CardNumbers.Usd(value) : CardNumbers.Quantity(value);

        yield return ("Measure", CardText.Escape(details.Measure, limits.MaxValueLength));
        yield return ("Observed", Value(details.Observed));
        yield return ("Threshold", Value(details.Threshold));
        yield return ("Baseline", details.Baseline is { } baseline ? Value(baseline) : "none learned");
        yield return ("Ratio", details.Ratio is { } ratio ? CardNumbers.Ratio(ratio) : "not applicable");
    }

    private static string Subject(Alert alert, int maxLength) => alert.SubjectType is SubjectType.SourceWallet or SubjectType.Destination
        ? EvidenceText.Address(alert.Chain, alert.Subject, maxLength)
        : CardText.Escape(alert.Subject, maxLength);

    private static string AssetName(string asset, CardLimits limits) =>
        asset == "*" ? "several assets" : CardText.Escape(asset, limits.MaxValueLength);

    private static JsonObject? EvidenceList(
        string id, IReadOnlyList<string> values, int omitted, CardLimits limits, Func<string, string> render)
    {
        var shown = Math.Min(values.Count, limits.MaxListItems);
        var notShown = (long)values.Count - shown + Math.Max(omitted, 0);
        if (shown == 0 && notShown == 0)
        {
            return null;
        }

        var items = new List<JsonObject>(shown + 1);
        for (var i = 0; i < shown; i++)
        {
            items.Add(AdaptiveElements.TextBlock(render(values[i]), spacing: "None"));
        }

        if (notShown > 0)
        {
            items.Add(AdaptiveElements.TextBlock($"+{CardNumbers.Count(notShown)} more {id} not shown", subtle: true, spacing: "Small"));
        }

        return AdaptiveElements.Container(items, id: id);
    }

    private List<JsonNode>? Actions(string alertId)
    {
        var segment = Uri.EscapeDataString(alertId);
        if (alertId.Length == 0 || segment.Length > MaxLinkedAlertIdLength)
        {
            return null;
        }

        return
        [
            AdaptiveElements.OpenUrl("Open alert", new Uri($"{_alertLinkBase}/alerts/{segment}", UriKind.Absolute)),
            AdaptiveElements.OpenUrl("Acknowledge", new Uri($"{_alertLinkBase}/alerts/{segment}/ack", UriKind.Absolute)),
        ];
    }
}
