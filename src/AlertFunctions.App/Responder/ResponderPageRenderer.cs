using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AlertFunctions.App.AlertsApi;
using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.App.Responder;

/// <summary>
/// The small HTML pages a responder sees after following a Teams card link. Every value from an alert or a request is
/// HTML-encoded: alert fields come from producers' events and are not trusted.
/// </summary>
public static class ResponderPageRenderer
{
    private const int MaxListed = 5;

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2rem;max-width:48rem;color:#1b1b1b}"
        + "table{border-collapse:collapse}th,td{text-align:left;padding:.3rem .8rem .3rem 0;vertical-align:top}"
        + "th{color:#555;font-weight:600}.notice{padding:.6rem;background:#eef6ee;border-left:4px solid #2e7d32}"
        + "button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1rem}";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The alert's facts, with an "Acknowledge" button that posts to <paramref name="acknowledgeAction"/> while it is open.</summary>
    public static string RenderAlert(AlertView view, string acknowledgeAction, string signedInAs, string? notice)
    {
        ArgumentNullException.ThrowIfNull(view);
        var alert = view.Alert;
        var html = new StringBuilder(4096);
        Open(html, $"{alert.Severity.ToName()} alert: {alert.Rule}");
        html.Append("<h1>").Append(E(alert.Severity.ToName().ToUpperInvariant())).Append(" &middot; ").Append(E(alert.Rule)).Append("</h1>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\">").Append(E(notice)).Append("</p>");
        }

        html.Append("<p>").Append(E(alert.Summary)).Append("</p><table>");
        Row(html, "Status", StatusText(view));
        Row(html, "Platform", alert.Platform);
        Row(html, "Chain", alert.Chain);
        Row(html, "Asset", alert.Asset);
        Row(html, "Subject", $"{alert.Subject} ({alert.SubjectType.ToName()})");
        Row(html, "Window", $"{Time(alert.WindowStart)} to {Time(alert.WindowEnd)}");
        Row(html, "Events", alert.EventCount.ToString(CultureInfo.InvariantCulture));
        // 0 means nothing valued the withdrawals (tokens without a price, judged in asset units), not that nothing was taken.
        Row(html, "Amount", alert.AmountUsd > 0 ? $"{Amount(alert.AmountUsd)} USD" : "no USD value");
        if (alert.AmountAsset is { } amountAsset)
        {
            Row(html, "Amount in asset", $"{Amount(amountAsset)} {alert.Asset}");
        }

        Row(html, "Measure", $"{alert.Details.Measure}: {Amount(alert.Details.Observed)} (threshold {Amount(alert.Details.Threshold)})");
        Row(html, "Destinations", Listed(alert.Destinations, alert.DestinationsOmitted));
        Row(html, "Transactions", Listed(alert.TxHashes, 0));
        Row(html, "Trigger event", alert.TriggerEventId);
        Row(html, "Alert id", alert.AlertId);
        Row(html, "Revision", alert.Revision.ToString(CultureInfo.InvariantCulture));
        Row(html, "Teams notification", view.NotificationState.ToString().ToLowerInvariant());
        html.Append("</table>");

        if (view.Status == AlertStatus.Open)
        {
            html.Append("<form method=\"post\" action=\"").Append(E(acknowledgeAction)).Append("\">")
                .Append("<button type=\"submit\">Acknowledge</button></form>");
        }

        html.Append("<p>Signed in as ").Append(E(signedInAs)).Append(".</p>");
        return Close(html);
    }

    /// <summary>A page that only explains something (not signed in, not found, refused), with an optional sign-in link.</summary>
    public static string RenderMessage(string title, string message, string? signInUrl)
    {
        var html = new StringBuilder(1024);
        Open(html, title);
        html.Append("<h1>").Append(E(title)).Append("</h1><p>").Append(E(message)).Append("</p>");
        if (signInUrl is not null)
        {
            html.Append("<p><a href=\"").Append(E(signInUrl)).Append("\">Sign in</a></p>");
        }

        return Close(html);
    }

    private static void Open(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(E(title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body>");

    private static string Close(StringBuilder html) => html.Append("</body></html>").ToString();

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string StatusText(AlertView view) => view.Status switch
    {
        AlertStatus.Acknowledged => $"acknowledged by {view.AcknowledgedBy} at {TimeOrUnknown(view.AcknowledgedAt)}",
        AlertStatus.Resolved => $"resolved by {view.ResolvedBy} at {TimeOrUnknown(view.ResolvedAt)}",
        _ => "open",
    };

    private static string Listed(IReadOnlyList<string> values, int omitted)
    {
        if (values.Count == 0)
        {
            return "none";
        }

        var shown = string.Join(", ", values.Take(MaxListed));
        var more = values.Count - Math.Min(values.Count, MaxListed) + omitted;
        return more > 0 ? $"{shown} and {more} more" : shown;
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string TimeOrUnknown(DateTimeOffset? time) => time is { } value ? Time(value) : "an unknown time";

    private static string Amount(decimal value) => value.ToString("#,##0.########", CultureInfo.InvariantCulture);

    private static string E(string value) => Encoder.Encode(value);
}
