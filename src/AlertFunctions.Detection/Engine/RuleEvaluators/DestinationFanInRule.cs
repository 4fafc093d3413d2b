using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>destination-fan-in</c>: many distinct accounts paying one new destination within a short window — taken-over
/// accounts or phished users being emptied into one collector address. The window slides while the destination is new, so
/// a collector paid once before the victims (a test payment) or victims emptied in waves still count.
/// </summary>
internal static class DestinationFanInRule
{
    public static void Evaluate(in EventContext c, IAlertSink sink)
    {
        var settings = c.Rules.DestinationFanIn;
        ref readonly var e = ref c.Event;
        if (!settings.Enabled || e.AccountId is not { } accountId || c.Usd < settings.MinUsd || IsSharedAddressChain(e.Chain, settings.SharedAddressChains))
        {
            return;
        }

        var window = TimeSpan.FromMinutes(settings.WindowMinutes);
        var newFor = TimeSpan.FromHours(settings.NewForHours);
        var windowStart = e.Timestamp - window;
        var d = c.Destination;
        var age = e.Timestamp - d.FirstSeen;
        // Only an account that was not counted in the window before this withdrawal changes the finding: the same accounts
        // paying the collector again neither raise nor grow the alert.
        if (age > newFor || !d.RecordAccount(accountId, (e.EventId, e.TxHashValue), e.Timestamp, windowStart))
        {
            return;
        }

        var accounts = d.AccountsSentSince(windowStart);
        if (accounts < settings.MinDistinctAccounts)
        {
            return;
        }

        var fromFirstAppearance = age <= window;
        var when = fromFirstAppearance
            ? $"within {AlertWording.Duration(age)} of its first appearance"
            : $"within {AlertWording.Duration(window)} (it was first paid {AlertWording.Duration(age)} before)";
        var summary = $"{accounts} distinct accounts on {e.Platform} withdrew to {e.DestinationAddress} {when} ({AlertWording.Usd(d.FreshUsd)} in total); " +
                      $"threshold {settings.MinDistinctAccounts} accounts within {AlertWording.Duration(window)}.";
        var finding = new Finding(
            RuleIds.DestinationFanIn, Severity.High, SubjectType.Destination, e.DestinationAddress, e.Asset,
            fromFirstAppearance ? d.FirstSeen : windowStart, d.FreshCount, d.FreshUsd, null,
            new AlertDetails("distinct accounts sending to a new destination within the window", accounts, settings.MinDistinctAccounts, null, AlertWording.Round((double)accounts / settings.MinDistinctAccounts)),
            // Open while the collector is new: waves of victims an hour or more apart grow one alert, not one each.
            summary, newFor, AccountsWithdrawals(d));
        var episode = d.FanInEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink);
        d.FanInEpisode = episode;
    }

    /// <summary>Each counted account's withdrawal here, in the order the accounts came; those restored from an older snapshot are counted, not named.</summary>
    private static List<AlertEvidence> AccountsWithdrawals(DestinationState d)
    {
        var evidence = new List<AlertEvidence>(d.DistinctAccounts);
        if (d.FirstAccountWithdrawal.EventId is { } first)
        {
            evidence.Add(new AlertEvidence(first, d.Address, d.FirstAccountWithdrawal.TxHash));
        }

        for (var i = 0; i < d.OtherAccountCount; i++)
        {
            if (d.OtherAccountWithdrawals![i].EventId is { } other)
            {
                evidence.Add(new AlertEvidence(other, d.Address, d.OtherAccountWithdrawals[i].TxHash));
            }
        }

        return evidence;
    }

    private static bool IsSharedAddressChain(string chain, IReadOnlyList<string> chains)
    {
        for (var i = 0; i < chains.Count; i++)
        {
            if (string.Equals(chains[i], chain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
