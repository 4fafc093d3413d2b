using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Turns findings into alert changes. A finding while the subject's episode is open grows that alert (one more event, its
/// USD, its evidence; severity only ever rises); otherwise it starts a new episode with a new deterministic id.
/// <see cref="Alert.AmountUsd"/> and <see cref="Alert.EventCount"/> therefore mean: the window at the first trigger, plus every
/// withdrawal that kept the rule firing since.
/// </summary>
internal static class FindingReporter
{
    /// <summary>
    /// A <c>rapid-drain</c> alert that has grown to this multiple of what responders were last told is escalated one level,
    /// up to critical: it stays open for hours, one per wallet, so a new drain of the same wallet (after a look-alike's
    /// alert, say) would otherwise only grow it, unannounced. Doubling bounds the posts: at most one per severity level.
    /// Other rules' severities follow their own amounts (<c>mixer-usage</c> is critical from $1,000,000), so theirs do not
    /// escalate by growth.
    /// </summary>
    private const decimal GrowthToEscalate = 2m;

    /// <summary>
    /// A <c>rapid-drain</c> alert that grows again after <see cref="BurstPause"/> without growth, and whose growth since
    /// then reaches this share of what responders were last told, is escalated too: a stolen key's drain of a wallet whose
    /// alert a whale opened hours before came as such a burst (an audit's file: $1.48M in 34 minutes onto an alert told at
    /// $1.81M, so it never doubled and nobody was told). Growth without a pause (the same incident going on) still needs to
    /// double it. One such post per burst, and still at most one per severity level.
    /// </summary>
    private const decimal BurstShareToEscalate = 0.5m;

    /// <summary>How long an alert must not have grown for its next growth to start a burst: the short window's hour.</summary>
    private static readonly TimeSpan BurstPause = TimeSpan.FromHours(1);

    /// <summary>
    /// How long past its cooldown a closed episode is kept: beyond the largest allowed lateness (1 hour), so a late event
    /// of the subject still finds the episode it would have grown.
    /// </summary>
    private static readonly TimeSpan ClosedEpisodeRetention = TimeSpan.FromDays(1);

    public static void Report(Dictionary<string, AlertEpisode> episodes, string key, in Finding finding, in WithdrawalEvent e, decimal eventUsd, IAlertSink sink, decimal minGrowthUsd)
    {
        episodes.TryGetValue(key, out var episode);
        if (episode is null || !episode.IsOpenAt(e.Timestamp))
        {
            // A new alert is rare, so this is where episodes long closed leave: kept, one per wallet that ever alerted, they
            // would grow the platform's state without bound until it no longer fit a table row.
            RemoveClosed(episodes, e.Timestamp - ClosedEpisodeRetention);
        }

        Report(ref episode, finding, e, eventUsd, sink, minGrowthUsd);
        episodes[key] = episode!;
    }

    public static void Report(ref AlertEpisode? episode, in Finding finding, in WithdrawalEvent e, decimal eventUsd, IAlertSink sink) =>
        Report(ref episode, finding, e, eventUsd, sink, minGrowthUsd: 0m);

    /// <summary>
    /// As above, but an open episode only grows with withdrawals of at least <paramref name="minGrowthUsd"/> (or ones that
    /// raise the severity): once a window rule has fired, its window keeps the incident for a while, and ordinary customer
    /// withdrawals in that time are not part of the finding.
    /// </summary>
    public static void Report(ref AlertEpisode? episode, in Finding finding, in WithdrawalEvent e, decimal eventUsd, IAlertSink sink, decimal minGrowthUsd)
    {
        if (KeepsOpenOnly(episode, e, eventUsd, finding.Severity, minGrowthUsd))
        {
            return;
        }

        if (episode is not null && episode.IsOpenAt(e.Timestamp))
        {
            Grow(episode, finding, e, eventUsd, sink);
            return;
        }

        var alert = new Alert
        {
            AlertId = AlertIdFactory.Create(finding.Rule, e.Platform, finding.SubjectType, finding.Subject, finding.Asset, e.Timestamp),
            Rule = finding.Rule,
            Severity = finding.Severity,
            Platform = e.Platform,
            Chain = e.Chain,
            Asset = finding.Asset,
            Subject = finding.Subject,
            SubjectType = finding.SubjectType,
            WindowStart = finding.WindowStart,
            WindowEnd = e.Timestamp,
            EventCount = finding.EventCount,
            AmountUsd = finding.AmountUsd,
            AmountAsset = finding.AmountAsset,
            TriggerEventId = e.EventId,
            EventIds = [],
            Destinations = [],
            TxHashes = [],
            Summary = finding.Summary,
            Details = finding.Details,
            Revision = 1,
        };
        alert = WithEvidence(alert, finding.Evidence, e);
        episode = new AlertEpisode(alert, e.Timestamp, finding.Cooldown, alert.AmountUsd);
        sink.OnAlertChange(new AlertChange(AlertChangeKind.Raised, alert));
    }

    /// <summary>
    /// The episode is open and this withdrawal does not grow it: under <paramref name="minGrowthUsd"/> and not raising the
    /// alert's severity. The rule still fires, so the incident goes on and the episode is kept open (or a drain whose events
    /// do not grow the alert would be raised again once the cooldown ran out). A rule that asks this before wording its
    /// finding saves building what would be dropped: its window holds the incident for hours, and every customer
    /// withdrawal of the wallet in that time fires it again.
    /// </summary>
    public static bool KeepsOpenOnly(AlertEpisode? episode, in WithdrawalEvent e, decimal eventUsd, Severity severity, decimal minGrowthUsd)
    {
        if (episode is null || !episode.IsOpenAt(e.Timestamp) || eventUsd >= minGrowthUsd || severity > episode.Alert.Severity)
        {
            return false;
        }

        if (e.Timestamp > episode.LastTrigger)
        {
            episode.LastTrigger = e.Timestamp;
        }

        return true;
    }

    private static void Grow(AlertEpisode episode, in Finding finding, in WithdrawalEvent e, decimal eventUsd, IAlertSink sink)
    {
        var current = episode.Alert;
        if (current.EventIds.Contains(e.EventId))
        {
            return;
        }

        var amountUsd = current.AmountUsd + eventUsd;
        if (finding.Rule == RuleIds.RapidDrain && e.Timestamp - current.WindowEnd > BurstPause)
        {
            episode.BurstBaseUsd = current.AmountUsd;
        }

        var severity = finding.Severity > current.Severity ? finding.Severity
            : finding.Rule == RuleIds.RapidDrain && current.Severity < Severity.Critical && GrewEnoughToAnnounce(episode, amountUsd) ? current.Severity + 1
            : current.Severity;
        var sameAsset = current.Asset != "*" && string.Equals(current.Asset, e.Asset, StringComparison.Ordinal);
        var updated = WithEvidence(current, finding.Evidence, e) with
        {
            Severity = severity,
            Chain = string.Equals(current.Chain, e.Chain, StringComparison.Ordinal) ? current.Chain : "*",
            Asset = sameAsset ? current.Asset : "*",
            WindowEnd = e.Timestamp > current.WindowEnd ? e.Timestamp : current.WindowEnd,
            EventCount = current.EventCount + 1,
            AmountUsd = amountUsd,
            AmountAsset = sameAsset && current.AmountAsset is { } amount ? amount + e.Amount : null,
            Summary = finding.Summary,
            Details = finding.Details,
            Revision = current.Revision + 1,
        };
        episode.Alert = updated;
        if (e.Timestamp > episode.LastTrigger)
        {
            episode.LastTrigger = e.Timestamp;
        }

        var kind = AlertChangeKind.Updated;
        if (severity > current.Severity)
        {
            kind = AlertChangeKind.Escalated;
            episode.AnnouncedUsd = amountUsd;
            episode.BurstBaseUsd = 0;
        }

        sink.OnAlertChange(new AlertChange(kind, updated));
    }

    private static bool GrewEnoughToAnnounce(AlertEpisode episode, decimal amountUsd) =>
        episode.AnnouncedUsd > 0
        && (amountUsd >= GrowthToEscalate * episode.AnnouncedUsd
            || (episode.BurstBaseUsd > 0 && amountUsd - episode.BurstBaseUsd >= BurstShareToEscalate * episode.AnnouncedUsd));

    /// <summary>
    /// The alert naming the window's evidence (oldest first) and then the event itself, each once: the trigger of a window
    /// rule is often an ordinary withdrawal that tipped the sum, and the legs before it are what the responder must see.
    /// </summary>
    private static Alert WithEvidence(Alert alert, IReadOnlyList<AlertEvidence>? evidence, in WithdrawalEvent e)
    {
        var (eventIds, eventIdsOmitted) = (alert.EventIds, alert.EventIdsOmitted);
        var (destinations, destinationsOmitted) = (alert.Destinations, alert.DestinationsOmitted);
        var txHashes = alert.TxHashes;
        foreach (var w in evidence ?? [])
        {
            // Evidence is offered again each time the alert grows: it fills free room only, and is not counted as omitted.
            if (eventIds.Count < Alert.MaxEvidence)
            {
                Add(w.EventId, w.Destination, w.TxHash.ToString());
            }
        }

        Add(e.EventId, e.DestinationAddress, e.TxHash);
        return alert with
        {
            EventIds = eventIds,
            EventIdsOmitted = eventIdsOmitted,
            Destinations = destinations,
            DestinationsOmitted = destinationsOmitted,
            TxHashes = txHashes,
        };

        void Add(string eventId, string destination, string? txHash)
        {
            if (eventIds.Contains(eventId, StringComparer.Ordinal))
            {
                return;
            }

            (eventIds, eventIdsOmitted) = Append(eventIds, eventIdsOmitted, eventId, Alert.MaxEvidence, StringComparer.Ordinal);
            (destinations, destinationsOmitted) = Append(destinations, destinationsOmitted, destination, Alert.MaxDestinations, AddressComparer.Instance);
            if (txHash is not null && txHashes.Count < Alert.MaxEvidence && !txHashes.Contains(txHash))
            {
                txHashes = [.. txHashes, txHash];
            }
        }
    }

    private static (IReadOnlyList<string> Items, int Omitted) Append(IReadOnlyList<string> items, int omitted, string value, int cap, IEqualityComparer<string> comparer)
    {
        if (items.Contains(value, comparer))
        {
            return (items, omitted);
        }

        return items.Count >= cap ? (items, omitted + 1) : ([.. items, value], omitted);
    }

    private static void RemoveClosed(Dictionary<string, AlertEpisode> episodes, DateTimeOffset closedBy)
    {
        List<string>? closed = null;
        foreach (var (subject, episode) in episodes)
        {
            if (!episode.IsOpenAt(closedBy))
            {
                (closed ??= []).Add(subject);
            }
        }

        closed?.ForEach(subject => episodes.Remove(subject));
    }
}
