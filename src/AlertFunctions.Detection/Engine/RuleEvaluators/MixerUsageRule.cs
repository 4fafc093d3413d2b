using System.Buffers;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>mixer-usage</c>: a withdrawal straight to a watchlisted mixer, or an account repeatedly withdrawing exact mixer
/// denominations to destinations it never used before (the deposit pattern of a pool mixer one hop away).
/// </summary>
internal static class MixerUsageRule
{
    private static readonly TimeSpan WatchlistCooldown = TimeSpan.FromHours(24);
    private const decimal CriticalUsd = 1_000_000m;
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static void Evaluate(in EventContext c, IAlertSink sink)
    {
        var settings = c.Rules.MixerUsage;
        if (!settings.Enabled)
        {
            return;
        }

        if (c.WatchlistHit is { Category: WatchlistCategory.Mixer } hit)
        {
            ReportWatchlistHit(c, hit, sink);
        }

        if (c.Account is { } account && c.DestinationIsNew && IsDenomination(c, settings.Denominations))
        {
            ReportDenominationPattern(c, account, sink);
        }
    }

    private static void ReportWatchlistHit(in EventContext c, WatchlistEntry hit, IAlertSink sink)
    {
        ref readonly var e = ref c.Event;
        var severity = c.Usd >= CriticalUsd ? Severity.Critical : Severity.High;
        var summary = $"{e.Platform} sent {AlertWording.Amount(e.Amount)} {e.Asset} ({AlertWording.Usd(c.Usd)}) from {e.SourceWallet} to the mixer {hit.Label} " +
                      $"at {e.DestinationAddress} (source: {hit.Source}). Threshold: any amount.";
        var finding = new Finding(
            RuleIds.MixerUsage, severity, SubjectType.Destination, e.DestinationAddress, e.Asset,
            e.Timestamp, 1, c.Usd, e.Amount,
            new AlertDetails("USD sent to a watchlisted mixer", c.Usd, 0m, null, null),
            summary, WatchlistCooldown);
        var episode = c.Destination.WatchlistEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink);
        c.Destination.WatchlistEpisode = episode;
    }

    private static void ReportDenominationPattern(in EventContext c, AccountState account, IAlertSink sink)
    {
        ref readonly var e = ref c.Event;
        var settings = c.Rules.MixerUsage;
        account.MixerDenominations ??= new TimeRing(AccountState.RingSize);
        account.MixerDenominations.Add(e, c.Usd);
        var window = TimeSpan.FromHours(settings.WindowHours);
        var (count, usd, earliest) = account.MixerDenominations.Within(e.Timestamp - window, e.Timestamp);
        if (count < settings.MinDenominationWithdrawals)
        {
            return;
        }

        // As a deposit straight to a mixer: from $1,000,000 the pattern is critical, however few withdrawals made it.
        var severity = usd >= CriticalUsd ? Severity.Critical
            : count >= 2 * settings.MinDenominationWithdrawals ? Severity.High
            : Severity.Medium;
        var summary = $"Account {e.AccountId} on {e.Platform} made {count} withdrawals of exact mixer denominations (latest {AlertWording.Amount(e.Amount)} {e.Asset}) " +
                      $"to new addresses within {settings.WindowHours} h, {AlertWording.Usd(usd)} in total; threshold {settings.MinDenominationWithdrawals} withdrawals.";
        var finding = new Finding(
            RuleIds.MixerUsage, severity, SubjectType.Account, e.AccountId!, e.Asset,
            earliest, count, usd, null,
            new AlertDetails("exact-denomination withdrawals to new addresses", count, settings.MinDenominationWithdrawals, null, AlertWording.Round((double)count / settings.MinDenominationWithdrawals)),
            summary, window, account.MixerDenominations.EvidenceWithin(e.Timestamp - window, e.Timestamp).ConvertAll(w => w.Identity));
        var episode = account.MixerDenominationEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink);
        account.MixerDenominationEpisode = episode;
    }

    private static bool IsDenomination(in EventContext c, IReadOnlyDictionary<string, decimal[]> denominations)
    {
        // Tornado Cash and its forks run on EVM chains only, so the fresh address must be one that could deposit into a
        // pool: 100 USDT sent to a TRON or Bitcoin address is a customer's round number, never a mixer deposit one hop away.
        if (!denominations.TryGetValue(c.Event.Asset, out var sizes) || !IsEvmAddress(c.Event.DestinationAddress))
        {
            return false;
        }

        foreach (var size in sizes)
        {
            if (c.Event.Amount == size)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"0x" and 40 hex digits, in either case: an address on Ethereum and every EVM chain.</summary>
    private static bool IsEvmAddress(string address) =>
        address.Length == 42 && address[0] == '0' && (address[1] | 0x20) == 'x' && !address.AsSpan(2).ContainsAnyExcept(HexDigits);
}
