using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary><c>sanctioned-destination</c>: any amount to a sanctioned or law-enforcement-attributed address is critical.</summary>
internal static class SanctionedDestinationRule
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromHours(24);

    public static void Evaluate(in EventContext c, IAlertSink sink)
    {
        if (!c.Rules.SanctionedDestination.Enabled || c.WatchlistHit is not { } hit || !WatchlistCategory.IsSanctionLike(hit.Category))
        {
            return;
        }

        ref readonly var e = ref c.Event;
        var summary = $"{e.Platform} sent {AlertWording.Amount(e.Amount)} {e.Asset} ({AlertWording.Usd(c.Usd)}) from {e.SourceWallet} to {e.DestinationAddress}, " +
                      $"listed as {hit.Category}: {hit.Label} (source: {hit.Source}). Threshold: any amount.";
        var finding = new Finding(
            RuleIds.SanctionedDestination, Severity.Critical, SubjectType.Destination, e.DestinationAddress, e.Asset,
            e.Timestamp, 1, c.Usd, e.Amount,
            new AlertDetails($"USD sent to a {hit.Category} address", c.Usd, 0m, null, null),
            summary, Cooldown);
        var episode = c.Destination.WatchlistEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink);
        c.Destination.WatchlistEpisode = episode;
    }
}
