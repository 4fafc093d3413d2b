using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary><c>structuring</c>: one account repeatedly withdrawing just under the approval or reporting threshold.</summary>
internal static class StructuringRule
{
    public static void Evaluate(in EventContext c, IAlertSink sink)
    {
        var settings = c.Rules.Structuring;
        if (!settings.Enabled || c.Account is not { } account)
        {
            return;
        }

        ref readonly var e = ref c.Event;
        account.Withdrawals.Add(e.Timestamp);
        var floor = settings.ThresholdUsd * (1 - settings.BandFraction);
        if (c.Usd < floor || c.Usd >= settings.ThresholdUsd)
        {
            return;
        }

        account.NearThreshold ??= new TimeRing(AccountState.RingSize);
        account.NearThreshold.Add(e, c.Usd);
        var window = TimeSpan.FromHours(settings.WindowHours);
        var (count, usd, earliest) = account.NearThreshold.Within(e.Timestamp - window, e.Timestamp);
        if (count < settings.MinCount)
        {
            return;
        }

        // A full ring means at least that many withdrawals: the share is then judged on the latest ones it holds. After an
        // upgrade from snapshot version 2 the list starts empty while the near-threshold ring does not, hence the Max.
        var (all, oldestKept) = account.Withdrawals.Within(e.Timestamp - window, e.Timestamp);
        var inBand = all >= RecentTimes.Capacity ? account.NearThreshold.Within(oldestKept, e.Timestamp).Count : count;
        if ((decimal)inBand / Math.Max(all, inBand) < settings.MinShare)
        {
            return;
        }

        var severity = count >= 2 * settings.MinCount ? Severity.High : Severity.Medium;
        var ofAll = all >= RecentTimes.Capacity ? $"{inBand} of its latest {all} withdrawals" : $"{inBand} of its {all} withdrawals";
        var summary = $"Account {e.AccountId} on {e.Platform} made {count} withdrawals between {AlertWording.Usd(floor)} and {AlertWording.Usd(settings.ThresholdUsd)} " +
                      $"within {settings.WindowHours} h ({ofAll} in that time, {AlertWording.Usd(usd)} in total), just under the {AlertWording.Usd(settings.ThresholdUsd)} threshold; " +
                      $"alert threshold {settings.MinCount} such withdrawals, at least {AlertWording.Percent((double)settings.MinShare)} of the account's.";
        var finding = new Finding(
            RuleIds.Structuring, severity, SubjectType.Account, e.AccountId!, e.Asset,
            earliest, count, usd, null,
            new AlertDetails("withdrawals just under the threshold", count, settings.MinCount, null, AlertWording.Round((double)count / settings.MinCount)),
            summary, window, account.NearThreshold.EvidenceWithin(e.Timestamp - window, e.Timestamp).ConvertAll(w => w.Identity));
        var episode = account.StructuringEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink);
        account.StructuringEpisode = episode;
    }
}
