using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>multi-asset-drain</c>'s many-small-wallets test: wallets each under every per-wallet floor, emptied with their own keys
/// (no account, on an exchange whose customers' withdrawals carry one) into one new address. No single wallet looks drained,
/// so the destination counts them (<see cref="KeyTransferSources"/>): <see cref="MultiAssetDrainSettings.SameDestinationMinWallets"/>
/// wallets and <see cref="MultiAssetDrainSettings.SameDestinationMinUsd"/> within
/// <see cref="MultiAssetDrainSettings.SameDestinationWalletsMinutes"/> of the first transfer counted.
/// </summary>
internal static class ManyWalletsIntoOneAddress
{
    public const string Measure = "distinct wallets sending to one new destination without an account";

    /// <returns>True when the transfer was reported (raised or grew the platform's alert).</returns>
    public static bool Evaluate(in EventContext c, MultiAssetDrainSettings settings, TimeSpan window, IAlertSink sink)
    {
        if (!c.Platform.IsKeyTransfer(c.Event))
        {
            return false;
        }

        var d = c.Destination;
        var t = c.Event.Timestamp;
        var sources = d.KeyTransfers;
        int wallets;
        decimal usd;
        if (sources is not null && IsCounting(c, sources, settings))
        {
            (wallets, usd) = sources.Add(c.Event.SourceWallet, c.Usd, t);
        }
        else if (t - d.FirstSeen <= window || DestinationState.IsDustBeside(c.DestinationPreviousMaxUsd, c.Usd))
        {
            // The count starts with a destination first paid within the window, or paid only dust before: a thief's test
            // payment, which would otherwise start the clock early or make the address look known.
            sources = d.KeyTransfers = new KeyTransferSources(c.Event.SourceWallet, c.Usd, t);
            (wallets, usd) = (1, c.Usd);
        }
        else
        {
            return false;
        }

        if (wallets < settings.SameDestinationMinWallets || usd < settings.SameDestinationMinUsd)
        {
            return false;
        }

        // Only so many wallets are remembered: at the cap, more may have sent, and the summary must not say fewer did.
        var counted = wallets >= KeyTransferSources.MaxWallets ? $"at least {wallets}" : $"{wallets}";
        // The destination's latest sighting before this one: a late transfer is not the latest, and the span must end at the one that is.
        var latest = d.LastSeen > t ? d.LastSeen : t;
        var summary = $"{c.Event.Platform}: {counted} wallets sent {AlertWording.Usd(usd)} without a customer account to the new address {c.Event.DestinationAddress} within " +
                      $"{AlertWording.Duration(latest - sources.Since)} (threshold {settings.SameDestinationMinWallets} wallets and {AlertWording.Usd(settings.SameDestinationMinUsd)} " +
                      $"within {settings.SameDestinationWalletsMinutes} min); many wallets emptied by their own keys at once.";
        // Each sweep is under the key minimum by design, yet every one into this destination is the incident's: the alert grows with all.
        MultiAssetDrainRule.Report(
            c, new AlertDetails(Measure, wallets, settings.SameDestinationMinWallets, null, Math.Round((decimal)wallets / settings.SameDestinationMinWallets, 2)),
            d.FreshCount, usd, summary, window, sink, evidence: null, minGrowthUsd: 0m);
        return true;
    }

    /// <summary>
    /// The count goes on within its time from the first transfer, and past it while the platform's alert it raised is open
    /// (later sweeps grow that alert). Counted so far only dust beside this transfer: a test payment, and the count starts again.
    /// </summary>
    private static bool IsCounting(in EventContext c, KeyTransferSources sources, MultiAssetDrainSettings settings)
    {
        if (DestinationState.IsDustBeside(sources.Usd, c.Usd))
        {
            return false;
        }

        var t = c.Event.Timestamp;
        return t - sources.Since <= TimeSpan.FromMinutes(settings.SameDestinationWalletsMinutes)
            || (sources.Count >= settings.SameDestinationMinWallets && sources.Usd >= settings.SameDestinationMinUsd
                && c.Platform.MultiAssetEpisode is { } episode && episode.IsOpenAt(t));
    }
}
