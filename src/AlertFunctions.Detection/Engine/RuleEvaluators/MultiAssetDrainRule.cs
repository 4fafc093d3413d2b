using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>multi-asset-drain</c>: several wallet/asset pairs of one platform look drained at once, or one new destination
/// collects several assets — the signature of a compromised hot-wallet key. One episode per platform.
/// </summary>
internal static class MultiAssetDrainRule
{
    public static void Evaluate(in EventContext c, IAlertSink sink)
    {
        UnvaluedLeg unvaluedLeg = default;
        var settings = c.Rules.MultiAssetDrain;
        if (!settings.Enabled || !c.InWindows)
        {
            return;
        }

        var window = TimeSpan.FromMinutes(settings.WindowMinutes);
        var shortWindow = c.ShortWindow;
        var drained = CountsAsDrained(c);
        if (drained || UnvaluedDrainLegs.TryJudge(c, out unvaluedLeg))
        {
            Remember(c.Platform, c.Wallet, c.Event.Timestamp, drained ? shortWindow.OutflowUsd : 0m, drained ? null : unvaluedLeg);
            var (keys, assets, usd, unvalued) = CountRecent(c.Platform, c.Event.Timestamp - window);
            // A leg nothing valued grows the alert too: it is a token taken, whatever its USD.
            var minGrowthUsd = drained ? settings.KeyMinUsd : 0m;
            if (ReachesBar(settings, keys, usd, unvalued))
            {
                if (SettledUnworded(c, minGrowthUsd))
                {
                    return;
                }

                var summary = unvalued == 0
                    ? $"{c.Event.Platform}: {keys} wallet/asset pairs ({assets} assets) each lost funds abnormally within {settings.WindowMinutes} min, {AlertWording.Usd(usd)} in total " +
                      $"(threshold {settings.MinKeys} pairs and {AlertWording.Usd(settings.MinUsd)}); latest {c.Event.Asset} from {c.Event.SourceWallet}."
                    : UnvaluedPairsWording.Summary(c, settings, keys, assets, usd, unvalued, c.Platform.DrainingKeys, c.Event.Timestamp - window);
                var metric = unvalued == 0 ? "wallet/asset pairs draining at once" : $"wallet/asset pairs draining at once, {unvalued} of them unpriced (judged in asset units)";
                Report(c, new AlertDetails(metric, keys, settings.MinKeys, null, Math.Round((decimal)keys / settings.MinKeys, 2)), keys, usd, summary, window, sink,
                    EvidenceOfRecent(c.Platform, c.Event.Timestamp - window).ConvertAll(w => w.Identity), minGrowthUsd);
                return;
            }
        }

        if (ManyWalletsIntoOneAddress.Evaluate(c, settings, window, sink))
        {
            return;
        }

        var d = c.Destination;
        if (c.Event.Timestamp - d.FirstSeen > window)
        {
            return;
        }

        // Small legs cannot make up the USD floor, and skipping them keeps customers' first withdrawals allocation-free.
        if (c.Usd < settings.KeyMinUsd)
        {
            return;
        }

        var (assetCount, destinationUsd) = d.AddAsset(c.Event.Asset, c.Usd);
        if (assetCount >= settings.SameDestinationMinAssets && destinationUsd >= settings.SameDestinationMinUsd)
        {
            var summary = $"{c.Event.Platform} sent {assetCount} different assets worth {AlertWording.Usd(destinationUsd)} to the new address {c.Event.DestinationAddress} within " +
                          $"{AlertWording.Duration(c.Event.Timestamp - d.FirstSeen)} (threshold {settings.SameDestinationMinAssets} assets and {AlertWording.Usd(settings.SameDestinationMinUsd)}).";
            Report(c, new AlertDetails("distinct assets sent to one new destination", assetCount, settings.SameDestinationMinAssets, null, Math.Round((decimal)assetCount / settings.SameDestinationMinAssets, 2)), d.FreshCount, destinationUsd, summary, window, sink, evidence: null);
        }
    }

    /// <summary>
    /// True when the platform's alert is open and this withdrawal, under <paramref name="minGrowthUsd"/>, can only keep it
    /// open (see <see cref="FindingReporter.KeepsOpenOnly"/>; the finding is always critical, so it never escalates). After
    /// a drain of several pairs their windows hold it for minutes to hours, and every customer withdrawal of a drained pair
    /// meets the bar again: deciding this before the finding is worded saves its sentence and evidence (3 to 5 KB a
    /// withdrawal), which the reporter would drop. The episode kept open is the one the report would have kept open.
    /// </summary>
    private static bool SettledUnworded(in EventContext c, decimal minGrowthUsd) =>
        FindingReporter.KeepsOpenOnly(c.Platform.MultiAssetEpisode, c.Event, c.Usd, Severity.Critical, minGrowthUsd);

    /// <summary>
    /// The platform's alert is open and, evaluated next, this rule will report again with the withdrawal's pair counted as
    /// drained: enough pairs still drained within the window (this one included) for the alert, not just an open episode
    /// whose pairs have since left the window.
    /// </summary>
    internal static bool WillReportWith(in EventContext c)
    {
        var settings = c.Rules.MultiAssetDrain;
        var time = c.Event.Timestamp;
        // The platform alert grows only with withdrawals of at least the key minimum (see Report): a smaller one would be
        // dropped from both alerts.
        if (!settings.Enabled || !c.InWindows || c.Usd < settings.KeyMinUsd || c.Platform.MultiAssetEpisode is not { } episode || !episode.IsOpenAt(time) || !CountsAsDrained(c))
        {
            return false;
        }

        var from = time - TimeSpan.FromMinutes(settings.WindowMinutes);
        int keys = 1, unvalued = 0;
        var usd = c.ShortWindow.OutflowUsd;
        foreach (var key in c.Platform.DrainingKeys)
        {
            if (key.Wallet is not null && key.Time >= from && !key.IsPairOf(c.Wallet))
            {
                keys++;
                usd += key.WindowUsd;
                unvalued += key.IsUnvalued ? 1 : 0;
            }
        }

        return ReachesBar(settings, keys, usd, unvalued);
    }

    /// <summary>
    /// Enough drained pairs within the window for the platform's alert: the pair count and the USD floor, except that pairs
    /// nothing valued pass no USD floor, so as many of them as the pairs needed make the finding on their own.
    /// </summary>
    private static bool ReachesBar(MultiAssetDrainSettings settings, int keys, decimal usd, int unvalued) =>
        keys >= settings.MinKeys && (usd >= settings.MinUsd || unvalued >= settings.MinKeys);

    /// <summary>
    /// The platform's alert is open and counts the withdrawal's wallet/asset pair among those drained within its window: the
    /// wallet is already part of that incident. Allocation-free; reads the few remembered pairs.
    /// </summary>
    internal static bool CountsAmongOpenDrain(in EventContext c)
    {
        var settings = c.Rules.MultiAssetDrain;
        var time = c.Event.Timestamp;
        if (!settings.Enabled || c.Platform.MultiAssetEpisode is not { } episode || !episode.IsOpenAt(time))
        {
            return false;
        }

        return c.Platform.HoldsDrainedPair(c.Wallet, time - TimeSpan.FromMinutes(settings.WindowMinutes), time);
    }

    /// <summary>
    /// The platform's alert (open or closed) counted the withdrawal's wallet/asset pair among the drained ones since
    /// <paramref name="since"/>: the pair looked drained while that alert was reporting. Allocation-free; reads the few
    /// remembered pairs.
    /// </summary>
    internal static bool ReportedPairSince(in EventContext c, DateTimeOffset since) =>
        c.Platform.MultiAssetEpisode is { } episode
        && c.Platform.HoldsDrainedPair(c.Wallet, since > episode.Alert.WindowStart ? since : episode.Alert.WindowStart, episode.LastTrigger);

    /// <summary>The withdrawal makes its wallet/asset pair one this rule counts as drained (evaluated for every event, before the counts).</summary>
    internal static bool CountsAsDrained(in EventContext c) =>
        IsDrainLike(c.ShortWindow, c.Wallet.Short, c.Rules.MultiAssetDrain, c.Rules.RapidDrain) || IsLargeLegToNewAddress(c, c.ShortWindow, c.Rules.MultiAssetDrain)
        || IsCrossWalletKeyLeg(c, c.ShortWindow);

    internal static bool IsDrainLike(in DrainAssessment a, BucketRing ring, MultiAssetDrainSettings s, RapidDrainSettings drain)
    {
        if (a.OutflowUsd < s.KeyMinUsd)
        {
            return false;
        }

        // As for rapid-drain: a hot wallet run down by a rush of ordinary withdrawals is not a drained key.
        if (a.BalanceDrop >= s.KeyBalanceDropFraction && a.DropIsUnexplained(drain, s.KeyBalanceDropFraction))
        {
            return true;
        }

        // A key whose window is one big withdrawal is large-withdrawal's question; here it takes several.
        // Customers' routine withdrawals to their usual addresses are not a drained key's volume: the window must look
        // drained with them and without them.
        if (!LooksDrained(a, s, drain) || !LooksDrained(a.WithoutRoutine(), s, drain))
        {
            return false;
        }

        var r = a.WithoutLargest(ring);
        return r.OutflowUsd >= s.KeyMinUsd && (a.HasBaseline
            ? r.VolumeRatio >= s.KeyBaselineMultiple && r.MeanRatio >= drain.MeanSizeMultiple
            : r.OutflowUsd >= s.ColdKeyMinUsd && r.MeanUsd >= drain.ColdStartMinMeanUsd);
    }

    private static bool LooksDrained(in DrainAssessment a, MultiAssetDrainSettings s, RapidDrainSettings drain) => a.HasBaseline
        ? a.VolumeRatio >= s.KeyBaselineMultiple && a.MeanRatio >= drain.MeanSizeMultiple
        : a.OutflowUsd >= s.ColdKeyMinUsd && a.MeanUsd >= drain.ColdStartMinMeanUsd;

    /// <summary>
    /// One large withdrawal to an address the platform never paid before: how a key-compromise drain moves each token
    /// (Poloniex: one attacker address per token). A routine large withdrawal goes to a known address. On an exchange, a
    /// withdrawal for a customer account is left out during a market-wide rush of its pair (<see cref="RareLegs.IsCountedAsLargeLeg"/>):
    /// a key's transfer has none, while in a crash whales leave for new self-custody addresses from whichever hot wallets
    /// pay them, several pairs within half an hour.
    /// </summary>
    private static bool IsLargeLegToNewAddress(in EventContext c, in DrainAssessment a, MultiAssetDrainSettings s) =>
        (c.DestinationIsNew && c.Usd >= s.ColdKeyMinUsd && RareLegs.IsCountedAsLargeLeg(c.Event, a) && (!a.HasBaseline || (double)c.Usd >= s.KeyBaselineMultiple * a.ExpectedUsd) && !IsWithinUsersSizes(c, s))
        || (c.DestinationFirstPaidInLongWindow && IsKeyLeg(c, a));

    /// <summary>
    /// On a DeFi platform or bridge the account is the initiating address and most users withdraw to an address the platform
    /// never paid, so a new address says little there, and heavy-tailed users set new records: a pair that sends three
    /// withdrawals an hour sees a few hundred thousand dollars about daily, and across a router network's twenty pairs three
    /// such withdrawals within half an hour came every few days. So there a single leg counts only when it is as far above
    /// the pair's largest routine withdrawal as a drained pair's volume must be above its normal (the same multiple): a thief
    /// emptying a pair takes more than any user ever did. On an exchange customers reuse their addresses, and a large
    /// withdrawal to a new one stays the key-compromise signal it is. On a DeFi platform a withdrawal whose initiating
    /// address pays another address is not a user's to himself: an admin key emptying pools sends to the thief's
    /// addresses, and six pools' $0.4-5M legs, each to its own address, raised the alert at the eighth or ninth leg, or
    /// not at all on pools of 40 withdrawals an hour, where it came at the third to fifth before. (On a bridge the
    /// initiating address and the recipient may be on chains of different kinds, so there the two are not compared.)
    /// </summary>
    private static bool IsWithinUsersSizes(in EventContext c, MultiAssetDrainSettings s) =>
        c.Event.PlatformType != PlatformType.Exchange && c.Wallet.IsBaselineWarm && (double)c.Usd < s.KeyBaselineMultiple * c.Wallet.Baseline.DecayedMaxUsd
        && !PaysAnotherAddressOnDefi(c.Event);

    private static bool PaysAnotherAddressOnDefi(in WithdrawalEvent e) =>
        e.PlatformType == PlatformType.Defi && e.AccountId is { } initiator && !AddressComparer.Instance.Equals(initiator, e.DestinationAddress);

    /// <summary>
    /// A transfer made with the wallet's key (no account, on an exchange whose customers' withdrawals carry one) of at least
    /// the leg minimum and far above the pair's usual withdrawal (rapid-drain's large-leg multiple), from a pair that has
    /// learned it makes no such transfers (<see cref="RareLegs.LearnedNone"/>). A thief emptying a key token by token keeps
    /// each transfer under the $250,000 that marks a customer's withdrawal to a new address, and a busy pair's hourly
    /// outflow hides it from the volume multiple. A rush of customers, whose withdrawals carry accounts, brings none of
    /// these; a platform paying its own counterparties from the wallet without an account has taught the pair otherwise.
    /// The address need only be first paid within the long window, not never paid: a thief reusing the address he made
    /// minutes ago from wallet after wallet keeps each wallet among the drained pairs, so it joins the platform's alert.
    /// </summary>
    private static bool IsKeyLeg(in EventContext c, in DrainAssessment a)
    {
        var drain = c.Rules.RapidDrain;
        return a.HasBaseline && c.Platform.IsKeyTransfer(c.Event) && c.Usd >= drain.MinLegUsd
            && (double)c.Usd >= drain.LargeLegMeanMultiple * a.ExpectedMeanUsd && RareLegs.LearnedNone(c.Wallet);
    }

    /// <summary>
    /// A key transfer (<see cref="PlatformState.IsKeyTransfer"/>) of at least the leg minimum and far above the pair's usual
    /// size (rapid-drain's large-leg multiple, once it has a baseline) into an address first paid within the long window
    /// that has taken at least rapid-drain's leg count of such legs, and key transfers from another of the platform's
    /// wallets (<see cref="DestinationState.KeyTransfers"/>, counted from its first half hour): rapid-drain's reuse finding
    /// made across wallets. A thief emptying sixteen quiet wallets into three addresses he reuses (Phemex) makes each
    /// wallet's pair drained only by this: his legs of $100,000-$600,000 are new only at an address's first, and the pairs
    /// have no day of history for the key-leg test, so each wallet raised its own alert, 16-17 for one incident. Customers
    /// of many wallets moving to one new address (another venue's deposit contract, a payroll) withdraw with their accounts,
    /// so their legs are not key transfers and the destination counts none of their wallets.
    /// </summary>
    private static bool IsCrossWalletKeyLeg(in EventContext c, in DrainAssessment a)
    {
        var drain = c.Rules.RapidDrain;
        var d = c.Destination;
        return c.Usd >= drain.MinLegUsd && c.DestinationFirstPaidInLongWindow && d.FreshLegs >= drain.LargeLegsMinCount
            && d.KeyTransfers is { } sources && SpansAnotherWallet(sources, c.Event.SourceWallet)
            && (!a.HasBaseline || (double)c.Usd >= drain.LargeLegMeanMultiple * a.ExpectedMeanUsd) && c.Platform.IsKeyTransfer(c.Event);
    }

    /// <summary>The destination's key transfers came from a wallet other than <paramref name="wallet"/> (this transfer is not counted yet).</summary>
    private static bool SpansAnotherWallet(KeyTransferSources sources, string wallet) =>
        sources.Count >= 2 || !AddressComparer.Instance.Equals(sources[0], wallet);

    /// <param name="evidence">The largest withdrawals of every pair recently counted as drained; null when the finding is about one destination, whose own withdrawals are the evidence.</param>
    /// <param name="minGrowthUsd">The least withdrawal that grows the open alert; by default the key minimum.</param>
    internal static void Report(in EventContext c, AlertDetails details, int eventCount, decimal usd, string summary, TimeSpan window, IAlertSink sink, IReadOnlyList<AlertEvidence>? evidence,
        decimal? minGrowthUsd = null)
    {
        ref readonly var e = ref c.Event;
        var finding = new Finding(
            RuleIds.MultiAssetDrain, Severity.Critical, SubjectType.Platform, e.Platform, "*",
            e.Timestamp - window, eventCount, usd, null, details, summary, window * 2, evidence);
        var episode = c.Platform.MultiAssetEpisode;
        FindingReporter.Report(ref episode, finding, e, c.Usd, sink, minGrowthUsd ?? c.Rules.MultiAssetDrain.KeyMinUsd);
        c.Platform.MultiAssetEpisode = episode;
    }

    private static void Remember(PlatformState p, WalletAssetState w, DateTimeOffset time, decimal windowUsd, UnvaluedLeg? leg)
    {
        var keys = p.DrainingKeys;
        var oldest = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].IsPairOf(w))
            {
                keys[i] = new PlatformState.DrainingKey(w.Wallet, w.Asset, time, windowUsd, w.ShortEvidence, leg);
                return;
            }

            if (keys[i].Time < keys[oldest].Time)
            {
                oldest = i;
            }
        }

        keys[oldest] = new PlatformState.DrainingKey(w.Wallet, w.Asset, time, windowUsd, w.ShortEvidence, leg);
    }

    /// <summary>
    /// The largest withdrawals of every pair that looked drained since <paramref name="from"/>, each from its own short
    /// window ending when it looked drained (windows are set per asset), oldest first. Allocates: only when the alert is reported.
    /// </summary>
    private static List<EvidenceWithdrawal> EvidenceOfRecent(PlatformState p, DateTimeOffset from)
    {
        var evidence = new List<EvidenceWithdrawal>();
        foreach (var key in p.DrainingKeys)
        {
            if (key.Wallet is null || key.Time < from)
            {
                continue;
            }

            // A withdrawal nothing valued is never among the window's largest: the leg that counted the pair is named instead.
            if (key.Leg is { } leg)
            {
                evidence.Add(leg.Evidence);
            }
            else if (key.Evidence is { } kept)
            {
                evidence.AddRange(kept.SpanEndingAt(key.Time));
            }
        }

        evidence.Sort(EvidenceWithdrawal.Chronologically);
        return evidence;
    }

    private static (int Keys, int Assets, decimal Usd, int Unvalued) CountRecent(PlatformState p, DateTimeOffset from)
    {
        int count = 0, assets = 0, unvalued = 0;
        var usd = 0m;
        var keys = p.DrainingKeys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Wallet is null || keys[i].Time < from)
            {
                continue;
            }

            count++;
            usd += keys[i].WindowUsd;
            if (keys[i].IsUnvalued)
            {
                unvalued++;
            }

            var firstOfAsset = true;
            for (var j = 0; j < i; j++)
            {
                if (keys[j].Wallet is not null && keys[j].Time >= from && string.Equals(keys[j].Asset, keys[i].Asset, StringComparison.Ordinal))
                {
                    firstOfAsset = false;
                    break;
                }
            }

            if (firstOfAsset)
            {
                assets++;
            }
        }

        return (count, assets, usd, unvalued);
    }
}
