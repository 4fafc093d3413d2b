using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;

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
        if (e.Timestamp - d.FirstSeen > window || !AddAccount(d, accountId, e))
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
            summary, window, AccountsWithdrawals(d));
        var episode = d.FanInEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink);
        d.FanInEpisode = episode;
    }

    /// <summary>Adds the account, with the withdrawal that brought it, if it is new for this destination; false when it was already counted (or the set is full).</summary>
    private static bool AddAccount(DestinationState d, string accountId, in WithdrawalEvent e)
    {
        if (d.FirstAccount is null)
        {
            d.FirstAccount = accountId;
            d.FirstAccountWithdrawal = (e.EventId, e.TxHash);
            return true;
        }

        if (string.Equals(d.FirstAccount, accountId, StringComparison.Ordinal))
        {
            return false;
        }

        d.OtherAccounts ??= new string[DestinationState.MaxAccounts - 1];
        d.OtherAccountWithdrawals ??= new (string?, string?)[DestinationState.MaxAccounts - 1];
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

        d.OtherAccountWithdrawals[d.OtherAccountCount] = (e.EventId, e.TxHash);
        d.OtherAccounts[d.OtherAccountCount++] = accountId;
        return true;
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
