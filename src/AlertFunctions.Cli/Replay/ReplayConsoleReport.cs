using System.Globalization;
using AlertFunctions.Detection.Alerts;
using Spectre.Console;

namespace AlertFunctions.Cli.Replay;

/// <summary>Renders a replay's alerts and counts for a person at a terminal. Every event-supplied string is escaped for Spectre markup.</summary>
internal static class ReplayConsoleReport
{
    public static void Render(IAnsiConsole console, ReplayResult result, string source)
    {
        RenderAlerts(console, result.Alerts);
        RenderCounts(console, result, source);
    }

    /// <summary>
    /// 0 means nothing valued the alert's withdrawals (tokens without a price, judged in asset units), not that nothing was
    /// taken: a "0" beside a drain of long-tail tokens would read as harmless.
    /// </summary>
    internal static string UsdColumn(decimal amountUsd) =>
        amountUsd > 0 ? amountUsd.ToString("N0", CultureInfo.InvariantCulture) : "unpriced";

    private static void RenderAlerts(IAnsiConsole console, IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            console.MarkupLine("[green]No alerts.[/]");
            return;
        }

        var table = new Table().RoundedBorder().Title($"[bold]{alerts.Count} alert(s)[/]");
        table.AddColumns("Severity", "Rule", "Platform", "Asset", "Subject", "USD", "Events", "Window (UTC)");
        foreach (var alert in alerts)
        {
            table.AddRow(
                new Markup(SeverityMarkup(alert.Severity)),
                new Text(alert.Rule),
                new Text(alert.Platform),
                new Text(alert.Asset),
                new Text(Shorten(alert.Subject)),
                new Text(UsdColumn(alert.AmountUsd)).RightJustified(),
                new Text(alert.EventCount.ToString(CultureInfo.InvariantCulture)).RightJustified(),
                new Text($"{alert.WindowStart:MM-dd HH:mm}–{alert.WindowEnd:HH:mm}"));
        }

        console.Write(table);
        console.WriteLine();
        foreach (var alert in alerts)
        {
            console.MarkupLine($"{SeverityMarkup(alert.Severity)} [bold]{Markup.Escape(alert.AlertId)}[/]");
            console.MarkupLine($"  {Markup.Escape(alert.Summary)}");
            if (alert.Destinations.Count > 0)
            {
                console.MarkupLine($"  [grey]to {Markup.Escape(Destinations(alert))}[/]");
            }
        }

        console.WriteLine();
    }

    private static void RenderCounts(IAnsiConsole console, ReplayResult r, string source)
    {
        var counts = new Table().RoundedBorder().Title("[bold]Replay[/]").AddColumns("", "");
        counts.HideHeaders();
        counts.AddRow("Input", Markup.Escape(source));
        counts.AddRow("Input order", Order(r.Order));
        counts.AddRow("Events read", Number(r.LinesRead));
        counts.AddRow("Accepted", Number(r.Accepted));
        counts.AddRow("Rejected", r.Rejected == 0 ? "0" : $"[yellow]{Number(r.Rejected)}[/] ({Markup.Escape(string.Join(", ", r.RejectedByReason.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}")))})");
        counts.AddRow("Duplicates skipped", Number(r.Engine.Duplicates));
        counts.AddRow("Internal transfers", Number(r.Engine.InternalTransfers));
        counts.AddRow("Late (outside windows)", Late(r));
        counts.AddRow("Without USD value", Unvalued(r));
        counts.AddRow("Alerts by rule", Markup.Escape(Breakdown(r.Alerts.GroupBy(a => a.Rule))));
        counts.AddRow("Alerts by severity", Markup.Escape(Breakdown(r.Alerts.GroupBy(a => a.Severity.ToName()))));
        counts.AddRow("Teams posts (raised + escalated)", Number(r.Notifications));
        counts.AddRow("Elapsed", $"{r.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s");
        counts.AddRow("Events per second", Number((long)r.EventsPerSecond));
        console.Write(counts);
    }

    private static string Order(InputOrder order) =>
        !order.Checked ? "not checked (standard input is read once)"
        : !order.NeedsSorting ? "in event-time order"
        : $"[yellow]sorted by event time[/]: {Number(order.OutOfOrder)} event(s) lay more than the allowed lateness behind their platform's newest " +
          $"(the first on line {Number(order.FirstOutOfOrderLine)}, {Behind(order.FirstBehind)} behind)";

    // Late events are left out of the windows: from a pipe the replay could not sort them, so say how to avoid it.
    private static string Late(ReplayResult r) =>
        r.Engine.Late == 0 || r.Order.Checked
            ? Number(r.Engine.Late)
            : $"[yellow]{Number(r.Engine.Late)}[/] (more than the allowed lateness behind their wallet's newest event; replay the file itself, not standard input, and it is sorted first)";

    private static string Behind(TimeSpan span) =>
        span.TotalHours >= 48 ? $"{span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days"
        : span.TotalMinutes >= 90 ? $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h"
        : $"{span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min";

    // Events no USD threshold could judge: name the assets and the fix, or the count alone leaves the user guessing.
    private static string Unvalued(ReplayResult r) =>
        r.Engine.Unvalued == 0
            ? "0"
            : $"[yellow]{Number(r.Engine.Unvalued)}[/] (no amountUsd and no reference price: {Markup.Escape(string.Join(", ", r.UnvaluedAssets))}; the USD thresholds saw 0, " +
              $"so only watchlist matches and mixer denominations could alert on them. Add referencePricesUsd to a rules file, --rules)";

    /// <summary>Where the funds went, the addresses a responder blocks or traces first: the alert's leading destinations.</summary>
    private static string Destinations(Alert alert)
    {
        const int Shown = 3;
        var more = alert.Destinations.Count - Shown + alert.DestinationsOmitted;
        var shown = string.Join(", ", alert.Destinations.Take(Shown));
        return more > 0 ? $"{shown} and {more.ToString(CultureInfo.InvariantCulture)} more" : shown;
    }

    private static string Breakdown(IEnumerable<IGrouping<string, Alert>> groups)
    {
        var parts = groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}").ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static string SeverityMarkup(Severity severity) => severity switch
    {
        Severity.Critical => "[white on red] CRITICAL [/]",
        Severity.High => "[red]HIGH[/]",
        Severity.Medium => "[yellow]MEDIUM[/]",
        _ => "[grey]LOW[/]",
    };

    private static string Shorten(string value) => value.Length <= 20 ? value : string.Concat(value.AsSpan(0, 10), "…", value.AsSpan(value.Length - 8));

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
