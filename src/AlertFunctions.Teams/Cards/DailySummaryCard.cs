using System.Text.Json.Nodes;
using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Teams.Cards;

/// <summary>
/// Builds the daily summary message: volume, alerts by severity and rule, the subjects that drew the most, and the
/// operational debt (dead letters, undelivered notifications) that someone has to clear. Deterministic whatever the
/// dictionaries' enumeration order.
/// </summary>
public sealed class DailySummaryCard
{
    private const int MaxCountRows = 20;

    private static readonly string[] SeverityOrder =
        [Severity.Critical.ToName(), Severity.High.ToName(), Severity.Medium.ToName(), Severity.Low.ToName()];

    public TeamsMessagePayload Build(DailySummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var limits in CardLimits.Tiers)
        {
            var payload = TeamsMessagePayload.FromCard(BuildCard(view, limits));
            if (payload.Length <= TeamsMessagePayload.MaxBytes)
            {
                return payload;
            }
        }

        throw new InvalidOperationException($"The daily summary card exceeds {TeamsMessagePayload.MaxBytes} bytes even at the smallest tier.");
    }

    internal static JsonObject BuildCard(DailySummaryView view, CardLimits limits)
    {
        var max = limits.MaxValueLength;
        var totalAlerts = view.AlertsBySeverity.Values.Sum(count => (long)count);
        var urgent = Count(view.AlertsBySeverity, Severity.Critical.ToName()) + Count(view.AlertsBySeverity, Severity.High.ToName());
        var backlog = view.DeadLettered > 0 || view.DeadLetteredWithoutPlatform > 0 || view.UndeliveredNotifications > 0;
        var (style, color) = urgent > 0 ? ("attention", "attention") : backlog ? ("warning", "warning") : ("good", "good");

        var body = new List<JsonNode>
        {
            AdaptiveElements.Container(
                [
                    AdaptiveElements.TextBlock($"Daily summary · {CardText.Escape(view.Platform, max)}", size: "Large", weight: "Bolder", color: color),
                    AdaptiveElements.TextBlock($"{CardNumbers.Date(view.Date)} (UTC day)", subtle: true, spacing: "None"),
                ],
                id: "headline",
                style: style,
                bleed: true),
            AdaptiveElements.FactSet(VolumeFacts(view, totalAlerts)),
        };

        if (totalAlerts > 0 || view.AlertsByRule.Count > 0)
        {
            body.Add(AdaptiveElements.Heading("Alerts by severity"));
            body.Add(AdaptiveElements.FactSet(CountFacts(view.AlertsBySeverity, SeverityOrder, key => CardText.Escape(key, max))));
            body.Add(AdaptiveElements.Heading("Alerts by rule"));
            body.Add(AdaptiveElements.FactSet(CountFacts(view.AlertsByRule, RuleIds.All, key => RuleTitles.For(key, max))));
        }
        else
        {
            body.Add(AdaptiveElements.TextBlock("No alerts.", spacing: "Medium"));
        }

        var subjects = TopSubjects(view.TopSubjects, limits);
        if (subjects is not null)
        {
            body.Add(AdaptiveElements.Heading("Top subjects"));
            body.Add(subjects);
        }

        body.Add(AdaptiveElements.Heading("Operations"));
        List<(string, string)> operations = [("Dead-lettered events", CardNumbers.Count(view.DeadLettered))];
        if (view.DeadLetteredWithoutPlatform > 0)
        {
            // A refused body may not even name its platform: those could be anyone's, so every platform's card shows them.
            operations.Add(("Dead-lettered, naming no platform", CardNumbers.Count(view.DeadLetteredWithoutPlatform)));
        }

        operations.Add(("Undelivered notifications", CardNumbers.Count(view.UndeliveredNotifications)));
        body.Add(AdaptiveElements.FactSet(operations));
        if (backlog)
        {
            body.Add(AdaptiveElements.TextBlock(
                "Action needed: review the dead-letter table and the notification queue.", weight: "Bolder", color: "warning"));
        }

        return AdaptiveElements.Card(body);
    }

    // Withdrawals nobody could value add nothing to the volume: the card says how many, so the figure is not read as complete.
    private static List<(string, string)> VolumeFacts(DailySummaryView view, long totalAlerts)
    {
        List<(string, string)> facts = [("Withdrawals", CardNumbers.Count(view.Withdrawals)), ("Volume (USD)", CardNumbers.Usd(view.VolumeUsd))];
        if (view.UnvaluedWithdrawals > 0)
        {
            facts.Add(("Without USD value (not in the volume)", CardNumbers.Count(view.UnvaluedWithdrawals)));
        }

        facts.Add(("Alerts", CardNumbers.Count(totalAlerts)));
        return facts;
    }

    private static long Count(IReadOnlyDictionary<string, int> counts, string key) => counts.GetValueOrDefault(key);

    // Known keys first in their natural order, then any others in ordinal order, so the card never depends on hashing.
    private static List<(string, string)> CountFacts(
        IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> knownOrder, Func<string, string> title)
    {
        var keys = knownOrder.Where(counts.ContainsKey)
            .Concat(counts.Keys.Where(key => !knownOrder.Contains(key)).Order(StringComparer.Ordinal))
            .ToList();

        var facts = keys.Take(MaxCountRows).Select(key => (title(key), CardNumbers.Count(counts[key]))).ToList();
        if (keys.Count > MaxCountRows)
        {
            var rest = keys.Skip(MaxCountRows).Sum(key => (long)counts[key]);
            facts.Add(($"+{keys.Count - MaxCountRows} more", CardNumbers.Count(rest)));
        }

        return facts;
    }

    private static JsonObject? TopSubjects(IReadOnlyList<DailySummarySubject> subjects, CardLimits limits)
    {
        if (subjects.Count == 0)
        {
            return null;
        }

        var shown = Math.Min(subjects.Count, limits.MaxListItems);
        var items = new List<JsonObject>(shown + 1);
        for (var i = 0; i < shown; i++)
        {
            var subject = subjects[i];
            items.Add(AdaptiveElements.TextBlock(
                $"**{CardNumbers.AlertUsd(subject.AmountUsd)}** · {RuleTitles.For(subject.Rule, limits.MaxValueLength)} · " +
                CardText.Escape(subject.Subject, limits.MaxValueLength),
                spacing: "None"));
        }

        if (subjects.Count > shown)
        {
            items.Add(AdaptiveElements.TextBlock($"+{CardNumbers.Count(subjects.Count - shown)} more subjects not shown", subtle: true, spacing: "Small"));
        }

        return AdaptiveElements.Container(items, id: "subjects");
    }
}
