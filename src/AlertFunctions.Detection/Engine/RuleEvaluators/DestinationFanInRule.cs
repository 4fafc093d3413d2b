using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>destination-fan-in</c>: many distinct accounts paying one destination soon after it first appeared — taken-over
/// accounts or phished users being emptied into one collector address.
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
        var d = c.Destination;
        if (e.Timestamp - d.FirstSeen > window || !AddAccount(d, accountId))
        {
            return;
        }

        var accounts = d.DistinctAccounts;
        if (accounts < settings.MinDistinctAccounts)
        {
            return;
        }

        var summary = $"{accounts} distinct accounts on {e.Platform} withdrew to {e.DestinationAddress} within {AlertWording.Duration(e.Timestamp - d.FirstSeen)} of its first appearance " +
                      $"({AlertWording.Usd(d.FreshUsd)} in total); threshold {settings.MinDistinctAccounts} accounts within {AlertWording.Duration(window)}.";
        var finding = new Finding(
            RuleIds.DestinationFanIn, Severity.High, SubjectType.Destination, e.DestinationAddress, e.Asset,
            d.FirstSeen, d.FreshCount, d.FreshUsd, null,
            new AlertDetails("distinct accounts sending to a new destination", accounts, settings.MinDistinctAccounts, null, AlertWording.Round((double)accounts / settings.MinDistinctAccounts)),
            summary, window);
        var episode = d.FanInEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink);
        d.FanInEpisode = episode;
    }

    /// <summary>Adds the account if it is new for this destination; false when it was already counted (or the set is full).</summary>
    private static bool AddAccount(DestinationState d, string accountId)
    {
        if (d.FirstAccount is null)
        {
            d.FirstAccount = accountId;
            return true;
        }

        if (string.Equals(d.FirstAccount, accountId, StringComparison.Ordinal))
        {
            return false;
        }

        d.OtherAccounts ??= new string[DestinationState.MaxAccounts - 1];
        for (var i = 0; i < d.OtherAccountCount; i++)
        {
            if (string.Equals(d.OtherAccounts[i], accountId, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (d.OtherAccountCount == d.OtherAccounts.Length)
        {
            return false;
        }

        d.OtherAccounts[d.OtherAccountCount++] = accountId;
        return true;
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
