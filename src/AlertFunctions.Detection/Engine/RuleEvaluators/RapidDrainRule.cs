using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// <c>rapid-drain</c>: a source wallet/asset losing funds much faster than normal, over the short window (a burst) or the
/// long one (a trickle). See <see cref="RapidDrainSettings"/> for the exact conditions; the first that holds is reported.
/// </summary>
internal static class RapidDrainRule
{
    private const string LargeLegsMeasure = "USD in unusually large withdrawals to new addresses, excluding the largest";
    private const double RefilledWalletFactor = 2;

    public static void Evaluate(in EventContext c, IAlertSink sink)
    {
        var settings = c.Rules.RapidDrain;
        if (!settings.Enabled || !c.InWindows)
        {
            return;
        }

        var w = c.Wallet;
        var shortWindow = c.ShortWindow;
        RareLegs.Judge(c, settings);
        var outsized = MarkLargeLeg(c, settings, shortWindow);
        // An open alert grows with the drain's legs, not with the customers' withdrawals its window still holds: legs of at
        // least the leg minimum, or far above this wallet's usual size (a small wallet drained in legs under the minimum).
        var minGrowthUsd = outsized ? 0m : settings.MinLegUsd;
        var routine = IsRoutineForDestination(c);
        if (SettledUnworded(c, settings, shortWindow, routine, minGrowthUsd))
        {
            return;
        }

        if ((TryShort(c, settings, shortWindow, w.Short, routine, explain: true) ?? TryFreshDestinationBurst(c, settings, shortWindow, explain: true)) is { } burst)
        {
            Report(c, settings, shortWindow, w.Short, w.ShortEvidence, burst, minGrowthUsd, sink);
            return;
        }

        var longWindow = DrainAssessment.Long(w);
        if (TryLong(c, settings, longWindow, routine, explain: true) is { } trickle)
        {
            Report(c, settings, longWindow, w.Long, w.LongEvidence, trickle, minGrowthUsd, sink);
        }
    }

    /// <summary>
    /// True when there is nothing to report because the wallet's own alert is open and this withdrawal, under the growth
    /// minimum, can at most keep it open (see <see cref="FindingReporter.KeepsOpenOnly"/>): the rule does not fire, or
    /// fires no more severely than the alert. After a drain the window holds it for hours and every customer withdrawal of
    /// the wallet fires the rule again, so this is decided before any finding is worded (its sentence, details and evidence,
    /// about 1.7 KB a withdrawal, would be dropped). False, to be evaluated in full, when the finding would escalate the
    /// alert. Whatever holds here is what the full evaluation would conclude: with the wallet's alert open, neither of the
    /// reasons <see cref="Report"/> has to stay quiet applies, and the tests are pure.
    /// </summary>
    private static bool SettledUnworded(in EventContext c, RapidDrainSettings s, in DrainAssessment shortWindow, bool routine, decimal minGrowthUsd)
    {
        if (c.Usd >= minGrowthUsd || c.Platform.RapidDrainEpisodes.GetValueOrDefault(c.Event.SourceWallet) is not { } own || !own.IsOpenAt(c.Event.Timestamp))
        {
            return false;
        }

        Severity severity;
        if (TryShort(c, s, shortWindow, c.Wallet.Short, routine, explain: false) is not null || TryFreshDestinationBurst(c, s, shortWindow, explain: false) is not null)
        {
            severity = SeverityOf(s, shortWindow);
        }
        else if (DrainAssessment.Long(c.Wallet) is var longWindow && TryLong(c, s, longWindow, routine, explain: false) is not null)
        {
            severity = SeverityOf(s, longWindow);
        }
        else
        {
            return true;
        }

        return FindingReporter.KeepsOpenOnly(own, c.Event, c.Usd, severity, minGrowthUsd);
    }

    private static Severity SeverityOf(RapidDrainSettings s, in DrainAssessment a) =>
        a.OutflowUsd >= s.CriticalUsd || a.BalanceDrop >= DrainAssessment.AlmostEmpty ? Severity.Critical : Severity.High;

    private static DrainFinding? TryShort(in EventContext ctx, RapidDrainSettings s, in DrainAssessment a, BucketRing ring, bool routine, bool explain)
    {
        if (a.OutflowUsd < s.MinUsd)
        {
            return null;
        }

        if (a.BalanceDrop is { } drop && drop >= s.BalanceDropFraction && IsAbnormalDrop(a, s, s.BalanceDropFraction)
            && ((drop >= DrainAssessment.AlmostEmpty && !routine) || IsNotOneWithdrawal(drop, a, ring, s.BalanceDropFraction)))
        {
            return !explain ? Unworded : new DrainFinding(
                new AlertDetails("balance drop since window start", Math.Round((decimal)drop, 4), (decimal)s.BalanceDropFraction, null, Math.Round((decimal)(drop / s.BalanceDropFraction), 2)),
                $"the balance fell {AlertWording.Percent(drop)} (threshold {AlertWording.Percent(s.BalanceDropFraction)})", FromBalance: true);
        }

        // Each volume test must hold on the whole window, without its largest withdrawal, and without customers' routine
        // withdrawals to their usual addresses (an institution's month-end payout is volume, not a drain).
        var o = a.WithoutRoutine();
        if (IsVolume(a, s.BaselineMultiple, s.MeanSizeMultiple) && IsVolume(o, s.BaselineMultiple, s.MeanSizeMultiple)
            && a.WithoutLargest(ring) is var r && r.OutflowUsd >= s.MinUsd && IsVolume(r, s.BaselineMultiple, s.MeanSizeMultiple))
        {
            return !explain ? Unworded : new DrainFinding(
                VolumeDetails(r, s.BaselineMultiple),
                $"without its largest withdrawal, {AlertWording.Ratio(r.VolumeRatio)} the {Describe(a.Baseline)} outflow of {AlertWording.Usd(a.ExpectedUsd)} (threshold {s.BaselineMultiple}x) " +
                    $"in withdrawals averaging {AlertWording.Ratio(r.MeanRatio)} the usual size");
        }

        if (IsVolume(a, s.VolumeOnlyMultiple) && IsVolume(o, s.VolumeOnlyMultiple)
            && a.WithoutLargest(ring) is var v && v.OutflowUsd >= s.MinUsd && IsVolume(v, s.VolumeOnlyMultiple))
        {
            return !explain ? Unworded : new DrainFinding(
                VolumeDetails(v, s.VolumeOnlyMultiple),
                $"without its largest withdrawal, {AlertWording.Ratio(v.VolumeRatio)} the {Describe(a.Baseline)} outflow of {AlertWording.Usd(a.ExpectedUsd)} (threshold {s.VolumeOnlyMultiple}x)");
        }

        if (ring.LargeLegCount >= s.LargeLegsMinCount && !RareLegs.UsersExplainLargeLegs(ctx.Event, ctx.Wallet, s, ring.LargeLegCount, a))
        {
            var largest = ring.LargestLargeLegUsd();
            var legs = ring.LargeLegUsd - largest;
            var needed = LargeLegsBar(s, a);
            var others = a.OutflowUsd - largest;
            if ((double)legs >= needed && others > 0 && (double)(legs / others) >= s.LargeLegsMinShare)
            {
                var threshold = Math.Round((decimal)needed, 2);
                return !explain ? Unworded : new DrainFinding(
                    new AlertDetails(LargeLegsMeasure, legs, threshold, a.HasBaseline ? AlertWording.Round(a.ExpectedUsd) : null, Math.Round(legs / threshold, 2)),
                    $"{ring.LargeLegCount} withdrawals of at least {LegSize(s, a)} went to new addresses, " +
                        $"{AlertWording.Usd(legs)} without the largest (threshold {AlertWording.Usd(threshold)})", DrainEvidence.LargeLegs);
            }
        }

        if (IsColdStartVolume(a, s.ColdStartMinUsd, s) && IsColdStartVolume(o, s.ColdStartMinUsd, s)
            && a.WithoutLargest(ring) is var c && IsColdStartVolume(c, s.ColdStartMinUsd, s))
        {
            return !explain ? Unworded : new DrainFinding(
                new AlertDetails("window outflow USD excluding the largest withdrawal (no history yet)", c.OutflowUsd, s.ColdStartMinUsd, null, Math.Round(c.OutflowUsd / s.ColdStartMinUsd, 2)),
                $"no history yet: {AlertWording.Usd(c.OutflowUsd)} without its largest withdrawal, above the {AlertWording.Usd(s.ColdStartMinUsd)} cold-start floor, in withdrawals averaging {AlertWording.Usd(c.MeanUsd)}");
        }

        return null;
    }

    /// <summary>
    /// Several large legs into one address first seen within the short window: a thief reuses the address he just made, which
    /// the large-leg test (one leg per never-paid address) and the per-asset windows (a drain split over tokens) both miss.
    /// The legs, counted across the platform's wallets and assets and without the largest, must reach the large-leg test's
    /// bar for this wallet: twice its normal outflow and at least the window floor.
    /// </summary>
    private static DrainFinding? TryFreshDestinationBurst(in EventContext c, RapidDrainSettings s, in DrainAssessment a, bool explain)
    {
        var d = c.Destination;
        if (c.Event.Timestamp - d.FirstSeen > c.Wallet.Short.Length || d.FreshLegs < s.LargeLegsMinCount || c.Usd < s.MinLegUsd)
        {
            return null;
        }

        var legs = d.FreshLegsUsd - Math.Max(c.DestinationPreviousMaxUsd, c.Usd);
        var needed = LargeLegsBar(s, a);
        if ((double)legs < needed)
        {
            return null;
        }

        var threshold = Math.Round((decimal)needed, 2);
        return !explain ? Unworded : new DrainFinding(
            new AlertDetails("USD into one new destination within the window, excluding the largest withdrawal", legs, threshold, a.HasBaseline ? AlertWording.Round(a.ExpectedUsd) : null, Math.Round(legs / threshold, 2)),
            $"{c.Event.DestinationAddress}, first seen {d.FirstSeen:yyyy-MM-dd HH:mm} UTC, received {d.FreshLegs} withdrawals of at least {AlertWording.Usd(s.MinLegUsd)} from the platform, " +
                $"{AlertWording.Usd(legs)} without the largest (threshold {AlertWording.Usd(threshold)})");
    }

    private static DrainFinding? TryLong(in EventContext c, RapidDrainSettings s, in DrainAssessment a, bool routine, bool explain)
    {
        if (a.OutflowUsd >= s.LongMinUsd)
        {
            if (a.BalanceDrop is { } drop && drop >= s.LongBalanceDropFraction && IsAbnormalDrop(a, s, s.LongBalanceDropFraction)
                && ((drop >= DrainAssessment.AlmostEmpty && !routine) || IsNotOneWithdrawal(drop, a, c.Wallet.Long, s.LongBalanceDropFraction)))
            {
                return !explain ? Unworded : new DrainFinding(
                    new AlertDetails("balance drop since long-window start", Math.Round((decimal)drop, 4), (decimal)s.LongBalanceDropFraction, null, Math.Round((decimal)(drop / s.LongBalanceDropFraction), 2)),
                    $"the balance fell {AlertWording.Percent(drop)} (threshold {AlertWording.Percent(s.LongBalanceDropFraction)})", FromBalance: true);
            }

            var o = a.WithoutRoutine();
            if (IsColdStartVolume(a, s.LongColdStartMinUsd, s) && IsColdStartVolume(o, s.LongColdStartMinUsd, s)
                && a.WithoutLargest(c.Wallet.Long) is var cold && IsColdStartVolume(cold, s.LongColdStartMinUsd, s))
            {
                return !explain ? Unworded : new DrainFinding(
                    new AlertDetails("12-hour outflow USD excluding the largest withdrawal (no history yet)", cold.OutflowUsd, s.LongColdStartMinUsd, null, Math.Round(cold.OutflowUsd / s.LongColdStartMinUsd, 2)),
                    $"no history yet: {AlertWording.Usd(cold.OutflowUsd)} without its largest withdrawal, above the {AlertWording.Usd(s.LongColdStartMinUsd)} cold-start floor, in withdrawals averaging {AlertWording.Usd(cold.MeanUsd)}");
            }

            if (IsVolume(a, s.LongBaselineMultiple, s.MeanSizeMultiple) && IsVolume(o, s.LongBaselineMultiple, s.MeanSizeMultiple)
                && a.WithoutLargest(c.Wallet.Long) is var r && r.OutflowUsd >= s.LongMinUsd && IsVolume(r, s.LongBaselineMultiple, s.MeanSizeMultiple))
            {
                return !explain ? Unworded : new DrainFinding(
                    VolumeDetails(r, s.LongBaselineMultiple),
                    $"without its largest withdrawal, {AlertWording.Ratio(r.VolumeRatio)} the learned outflow of {AlertWording.Usd(a.ExpectedUsd)} (threshold {s.LongBaselineMultiple}x) " +
                        $"in withdrawals averaging {AlertWording.Ratio(r.MeanRatio)} the usual size");
            }

            if (TryLongLargeLegs(c, s, a, explain) is { } legs)
            {
                return legs;
            }

            if (TryLongColdStartLegs(s, a, c.Wallet.Long, explain) is { } coldLegs)
            {
                return coldLegs;
            }

            if (TryColdWalletLegs(c, s, a, explain) is { } coldWalletLegs)
            {
                return coldWalletLegs;
            }

            var keyTransfersOnly = c.Event.PlatformType == PlatformType.Exchange && c.Platform.SendsAccounts;
            if (RareLegs.Assess(s, a, c.Wallet, keyTransfersOnly) is { } rare)
            {
                return explain ? RareLegsFinding(s, rare, c.Wallet.Long, keyTransfersOnly) : Unworded;
            }
        }

        // The withdrawal must be one of the legs: otherwise every wallet that pays the collector anything would raise its own
        // alert on the other wallets' legs.
        var d = c.Destination;
        if (c.DestinationFirstPaidInLongWindow && c.Usd >= s.MinLegUsd && d.FreshLegsUsd >= s.FreshDestinationMinUsd && d.FreshLegs >= s.FreshDestinationMinEvents)
        {
            return !explain ? Unworded : new DrainFinding(
                new AlertDetails("USD into one new destination", d.FreshLegsUsd, s.FreshDestinationMinUsd, null, Math.Round(d.FreshLegsUsd / s.FreshDestinationMinUsd, 2)),
                $"{c.Event.DestinationAddress}, first seen {d.FirstSeen:yyyy-MM-dd HH:mm} UTC, received {AlertWording.Usd(d.FreshLegsUsd)} in {d.FreshLegs} withdrawals of at least {AlertWording.Usd(s.MinLegUsd)} " +
                    $"(threshold {AlertWording.Usd(s.FreshDestinationMinUsd)} in {s.FreshDestinationMinEvents})");
        }

        return null;
    }

    /// <summary>
    /// Large legs spread over the long window, too few in any one hour for the short window's test: a trickle in chunks.
    /// Beside the floor, the legs must be a share of the window's outflow (both without the largest leg), because in a
    /// market-wide rush customers' large withdrawals to new addresses grow in number with the ordinary ones, where a thief's
    /// chunks come on top of a normal day.
    /// </summary>
    private static DrainFinding? TryLongLargeLegs(in EventContext c, RapidDrainSettings s, in DrainAssessment a, bool explain)
    {
        var ring = c.Wallet.Long;
        if (ring.LargeLegCount < s.LongLargeLegsMinCount || RareLegs.UsersExplainLargeLegs(c.Event, c.Wallet, s, ring.LargeLegCount, a))
        {
            return null;
        }

        var largest = ring.LargestLargeLegUsd();
        var legs = ring.LargeLegUsd - largest;
        var floor = a.HasBaseline ? s.LongMinUsd : s.LongColdStartMinUsd;
        var others = a.OutflowUsd - largest;
        if (legs < floor || others <= 0)
        {
            return null;
        }

        var share = (double)(legs / others);
        if (share < s.LongLargeLegsMinShare)
        {
            return null;
        }

        return !explain ? Unworded : new DrainFinding(
            new AlertDetails(LargeLegsMeasure, legs, floor, a.HasBaseline ? AlertWording.Round(a.ExpectedUsd) : null, Math.Round(legs / floor, 2)),
            $"{ring.LargeLegCount} withdrawals of at least {LegSize(s, a)} went to addresses first paid within {AlertWording.Duration(ring.Length)}, {AlertWording.Usd(legs)} without the largest " +
                $"(threshold {AlertWording.Usd(floor)}), {AlertWording.Percent(share)} of the outflow (threshold {AlertWording.Percent(s.LongLargeLegsMinShare)})", DrainEvidence.LargeLegs);
    }

    /// <summary>
    /// Before the wallet has learned anything (its first day, when the long window's floors are the cold-start ones), the
    /// long window's cold-start legs: withdrawals of at least the cold-start leg size without a customer account on an
    /// exchange whose other withdrawals carry one, at least <see cref="RapidDrainSettings.LongLargeLegsMinCount"/> of them,
    /// more than a tail of 1 in 100 of the window's withdrawals without an account would bring at the rare legs' chance
    /// (<see cref="RapidDrainSettings.RareLegsMaxChance"/>), which without the largest reach <see cref="RapidDrainSettings.LongMinUsd"/>
    /// — a trickle from a wallet's first hours, which the rare legs, needing a day of judged history, cannot see.
    /// </summary>
    private static DrainFinding? TryLongColdStartLegs(RapidDrainSettings s, in DrainAssessment a, BucketRing ring, bool explain)
    {
        if (a.HasBaseline || !a.ColdStartLegsAreBeyondChance(s.LongLargeLegsMinCount, s.RareLegsMaxChance))
        {
            return null;
        }

        var legs = a.ColdStartLegsUsd - ring.LargestColdStartLegUsd();
        if (legs < s.LongMinUsd)
        {
            return null;
        }

        var needed = Math.Max(s.LongLargeLegsMinCount, PoissonTail.SmallestUnlikelyCount(a.ExpectedColdStartLegs, s.RareLegsMaxChance));
        return !explain ? Unworded : LongColdStartLegsFinding(s, legs,
            $"no history yet: {a.ColdStartLegs} withdrawals of at least {AlertWording.Usd(s.ColdStartLegUsd)} without a customer account " +
                $"(threshold {needed} of its {AlertWording.Withdrawals(a.ColdStartCandidates)} without one), {AlertWording.Usd(legs)} without the largest " +
                $"(threshold {AlertWording.Usd(s.LongMinUsd)})");
    }

    /// <summary>
    /// A wallet that only moved funds to the platform's own wallets until it began paying out with its key (a cold wallet
    /// refilling hot ones: see <see cref="RecentWallets.PaysOutLikeAColdWallet"/>), before it has a baseline of withdrawals:
    /// at least <see cref="RapidDrainSettings.LargeLegsMinCount"/> cold-start legs over the long window (withdrawals of the
    /// cold-start leg size without an account, not routine for their address), at least half of its withdrawals there, which
    /// without the largest reach <see cref="RapidDrainSettings.LongMinUsd"/>. Judged as a wallet without history, a cold
    /// wallet drained in $900,000 legs every 35 minutes to new addresses had to reach the $10,000,000 cold-start floor (leg
    /// 13, seven hours in); but a cold wallet pays nobody outside in the ordinary course, so its history is not empty but
    /// known, and the floor is the one a wallet with a baseline has. The share keeps out a hot wallet whose first transfer was a
    /// sweep to cold storage, on an exchange that sends no accounts: its customers' withdrawals outnumber their large ones.
    /// </summary>
    private static DrainFinding? TryColdWalletLegs(in EventContext c, RapidDrainSettings s, in DrainAssessment a, bool explain)
    {
        if (!c.SourcePaysOutLikeAColdWallet || a.HasBaseline || a.ColdStartLegs < s.LargeLegsMinCount || 2 * a.ColdStartLegs < a.Count)
        {
            return null;
        }

        var legs = a.ColdStartLegsUsd - c.Wallet.Long.LargestColdStartLegUsd();
        if (legs < s.LongMinUsd)
        {
            return null;
        }

        return !explain ? Unworded : LongColdStartLegsFinding(s, legs,
            $"a wallet that had only moved funds to the platform's own wallets before paying out without an account: {a.ColdStartLegs} withdrawals of at least {AlertWording.Usd(s.ColdStartLegUsd)} " +
                $"without a customer account went to addresses not routinely paid (threshold {s.LargeLegsMinCount}, and half its withdrawals), {AlertWording.Usd(legs)} without the largest " +
                $"(threshold {AlertWording.Usd(s.LongMinUsd)})");
    }

    /// <summary>The long window's cold-start legs without the largest, against the long floor: what both findings that count them report.</summary>
    private static DrainFinding LongColdStartLegsFinding(RapidDrainSettings s, decimal legs, string basis) =>
        new(
            new AlertDetails("USD in withdrawals of the cold-start leg size without a customer account, excluding the largest", legs, s.LongMinUsd, null, Math.Round(legs / s.LongMinUsd, 2)),
            basis,
            DrainEvidence.ColdStartLegs);

    /// <param name="withoutAccounts">
    /// Only withdrawals without a customer account were counted, on an exchange that sends accounts (see <see cref="RareLegs.IsCounted"/>):
    /// the sentence says so, and names no share of the outflow as a threshold, since there the legs need none.
    /// </param>
    private static DrainFinding RareLegsFinding(RapidDrainSettings s, in RareLegs.Count rare, BucketRing ring, bool withoutAccounts) => new(
        new AlertDetails(
            $"withdrawals of at least {s.RareLegMeanMultiple}x the usual size to addresses first paid within the window", rare.Legs, rare.Needed,
            Math.Round((decimal)rare.Expected, 2), Math.Round((decimal)(rare.Legs / rare.Expected), 2)),
        $"{rare.Legs} withdrawals of at least {s.RareLegMeanMultiple}x the usual size{(withoutAccounts ? " without a customer account" : "")} went to addresses first paid within {AlertWording.Duration(ring.Length)}, " +
            $"where its history predicts {AlertWording.Expected(rare.Expected)} of its {AlertWording.Withdrawals(rare.Among)}{(rare.AmongKeyTransfers ? " without one" : "")} (threshold {rare.Needed}), " +
            $"{AlertWording.Usd(rare.UsdWithoutLargest)} without the largest (threshold {AlertWording.Usd(s.LongMinUsd)}), {AlertWording.Percent(rare.Share)} of the outflow" +
            (withoutAccounts ? "" : $" (threshold {AlertWording.Percent(s.LongLargeLegsMinShare)})"),
        DrainEvidence.RareLegs);

    /// <summary>
    /// While the platform's <c>multi-asset-drain</c> alert is open and reports again with this wallet's pair among the drained
    /// ones (it is evaluated next), a wallet that has no open <c>rapid-drain</c> alert adds to that alert instead of raising
    /// its own: a key that empties forty wallets is one incident, not forty posts. A drain after the platform's drained pairs
    /// have left its window raises its own alert. Nor does a withdrawal too small to grow either alert (a customer's, after
    /// the wallet's legs joined the platform's alert) raise one while that alert counts the wallet's pair among its drained
    /// ones: sixteen wallets that joined the platform alert by their legs each raised their own at their next customer's
    /// withdrawal, a post per wallet again.
    /// </summary>
    private static bool JoinsOpenPlatformDrain(in EventContext c, decimal minGrowthUsd)
    {
        var own = c.Platform.RapidDrainEpisodes.GetValueOrDefault(c.Event.SourceWallet);
        return (own is null || !own.IsOpenAt(c.Event.Timestamp))
            && (MultiAssetDrainRule.WillReportWith(c) || (c.Usd < minGrowthUsd && MultiAssetDrainRule.CountsAmongOpenDrain(c)));
    }

    /// <summary>
    /// A balance drop brought to the bar by a withdrawal that is no leg of a drain (under the leg minimum and not outsized,
    /// or, on an exchange, a customer's under the leg minimum or to an address the platform paid before) is the drop of the
    /// withdrawals before it. When an alert already reported this wallet/asset's drain within the window (the wallet's
    /// <c>large-withdrawal</c> alert, or the platform's <c>multi-asset-drain</c> alert counting the pair) and the wallet has
    /// no open <c>rapid-drain</c> alert, that withdrawal raises none: the finding is the reported drain again, posted under a
    /// customer's withdrawal (replicas of the CoinEx, HTX, Stake.com and Upbit thefts with balances: 68 such alerts over ten
    /// seeds, up to 2.8 hours after the theft, where customers kept withdrawing from the emptied pairs).
    /// </summary>
    private static bool RepeatsReportedDrain(in EventContext c, decimal minGrowthUsd, DateTimeOffset windowStart)
    {
        var customers = c.Event.PlatformType == PlatformType.Exchange && c.Event.AccountId is not null;
        var noLeg = c.Usd < minGrowthUsd || (customers && (c.Usd < c.Rules.RapidDrain.MinLegUsd || !c.DestinationIsNew));
        if (!noLeg || c.Platform.RapidDrainEpisodes.GetValueOrDefault(c.Event.SourceWallet) is { } own && own.IsOpenAt(c.Event.Timestamp))
        {
            return false;
        }

        return (c.Platform.LargeWithdrawalEpisodes.GetValueOrDefault(c.Event.SourceWallet) is { } large && large.LastTrigger >= windowStart
                && (large.Alert.Asset == "*" || string.Equals(large.Alert.Asset, c.Event.Asset, StringComparison.Ordinal)))
            || MultiAssetDrainRule.ReportedPairSince(c, windowStart);
    }

    /// <param name="windowEvidence">The window's largest withdrawals: what the alert names unless the finding counted legs.</param>
    private static void Report(in EventContext c, RapidDrainSettings s, in DrainAssessment a, BucketRing ring, WindowEvidence windowEvidence, DrainFinding found, decimal minGrowthUsd, IAlertSink sink)
    {
        if (JoinsOpenPlatformDrain(c, minGrowthUsd) || (found.FromBalance && RepeatsReportedDrain(c, minGrowthUsd, ring.WindowStart)))
        {
            return;
        }

        ref readonly var e = ref c.Event;
        var evidence = found.Names switch
        {
            DrainEvidence.LargeLegs => c.Wallet.LegEvidence.Since(ring.WindowStart),
            DrainEvidence.RareLegs => c.Wallet.RareLegEvidence.Since(ring.WindowStart),
            DrainEvidence.ColdStartLegs => c.Wallet.ColdStartLegEvidence.Since(ring.WindowStart),
            _ => windowEvidence.Since(ring.WindowStart),
        };
        var severity = SeverityOf(s, a);
        var summary = $"{e.Platform} wallet {e.SourceWallet} sent {AlertWording.Usd(a.OutflowUsd)} of {e.Asset} in {AlertWording.Withdrawals(a.Count)} within {AlertWording.Duration(ring.Length)}: {found.Basis}.";
        var finding = new Finding(
            RuleIds.RapidDrain, severity, SubjectType.SourceWallet, e.SourceWallet, e.Asset,
            ring.WindowStart, a.Count, a.OutflowUsd, ring.SumAsset, found.Details, summary, c.Wallet.Long.Length, evidence.ConvertAll(w => w.Identity));
        FindingReporter.Report(c.Platform.RapidDrainEpisodes, e.SourceWallet, finding, e, c.Usd, sink, minGrowthUsd);
    }

    /// <summary>
    /// Marks this withdrawal outsized when it is far above the usual withdrawal (so it does not count as ordinary), and a
    /// large leg when it is also at least the leg minimum (or, with no baseline yet, the cold-start leg size) and goes to
    /// an address the platform never paid (short window) or first paid within the long window (long window). Decided once,
    /// at the event, against the usual size of its own hour.
    /// </summary>
    /// <returns>True when the withdrawal was marked outsized (far above the usual size; only with a baseline).</returns>
    private static bool MarkLargeLeg(in EventContext c, RapidDrainSettings s, in DrainAssessment a)
    {
        if (a.HasBaseline)
        {
            // The usual size is never below the learned mean: most withdrawals are ruled out before the hour's mean is computed.
            var usd = (double)c.Usd;
            if (usd < s.LargeLegMeanMultiple * a.ExpectedMeanUsd || usd < s.LargeLegMeanMultiple * a.UsualMeanUsd)
            {
                return false;
            }

            c.Wallet.Short.MarkOutsized(c.Event.Timestamp, c.Usd);
            if (c.Usd < s.MinLegUsd)
            {
                return true;
            }
        }
        else if (c.Usd < s.ColdStartLegUsd)
        {
            return false;
        }

        if (c.DestinationIsNew)
        {
            c.Wallet.Short.MarkLargeLeg(c.Event.Timestamp, c.Usd);
        }

        // Over hours a thief may rotate among a few addresses he made: each is new only once, but all stay first paid
        // within the window, where a customer's usual address does not. (Reuse within the hour has its own test.) On an
        // exchange a customer's leg does not count during a market-wide rush of its hour: over a crash's hours whales
        // leaving for new addresses, each by its own account, are as many; on an ordinary day it does (a taken-over
        // account). The evidence keeps every large leg, since the hour's large-leg test counts customers' legs too and its
        // alert names them from here.
        if (c.DestinationFirstPaidInLongWindow)
        {
            if (RareLegs.IsCountedAsLargeLeg(c.Event, a))
            {
                c.Wallet.Long.MarkLargeLeg(c.Event.Timestamp, c.Usd);
            }

            c.Wallet.LegEvidence.Offer(c.Event, c.Usd);
        }

        // Marked outsized above exactly when there is a baseline.
        return a.HasBaseline;
    }

    /// <summary>
    /// What made a withdrawal a large leg (see <see cref="MarkLargeLeg"/>), for the alert's sentence: a multiple of the usual
    /// size, or with no history yet the cold-start size, since there is no usual size to name.
    /// </summary>
    private static string LegSize(RapidDrainSettings s, in DrainAssessment a) =>
        a.HasBaseline ? $"{s.LargeLegMeanMultiple}x the usual size" : $"{AlertWording.Usd(s.ColdStartLegUsd)} (no history yet)";

    /// <summary>
    /// The event pays a destination that already received a comparable amount from the platform (the test large-withdrawal
    /// uses): a whale's routine withdrawal to its usual address, which may empty a thinly funded hot wallet without being a sweep.
    /// </summary>
    private static bool IsRoutineForDestination(in EventContext c) =>
        c.Rules.LargeWithdrawal.IsRoutineFor(c.DestinationIsNew, c.DestinationPreviousMaxUsd, c.Usd);

    /// <summary>
    /// What unusually large legs (to never-paid addresses, or into one address first seen within the window) must add up to
    /// without the largest: twice the wallet's normal outflow and at least the window floor; with no baseline, the cold-start floor.
    /// </summary>
    private static double LargeLegsBar(RapidDrainSettings s, in DrainAssessment a) =>
        a.HasBaseline ? Math.Max((double)s.MinUsd, s.LargeLegsVolumeMultiple * a.ExpectedUsd) : (double)s.ColdStartMinUsd;

    /// <summary>
    /// A balance drop is a drain's only when withdrawals of ordinary size do not explain it (at least half the threshold
    /// must be left once they are set aside: a rush raises volume, not size) and, with a baseline, when the wallet sent
    /// well above its normal outflow (a wallet kept thin and refilled often halves routinely).
    /// </summary>
    private static bool IsAbnormalDrop(in DrainAssessment a, RapidDrainSettings s, double fraction) =>
        (!a.HasBaseline || (double)a.OutflowUsd >= RefilledWalletFactor * a.ExpectedUsd) && a.DropIsUnexplained(s, fraction);

    /// <summary>
    /// A drop explained by a single withdrawal is large-withdrawal's question (a whale's withdrawal from a thinly funded hot
    /// wallet); a drain takes several. The share of the drop not due to the largest withdrawal must reach half the
    /// threshold — unless the wallet is all but empty (≥ 90%), which one transaction may well do (a cold-wallet sweep).
    /// </summary>
    private static bool IsNotOneWithdrawal(double drop, in DrainAssessment a, BucketRing ring, double fraction)
    {
        if (a.OutflowUsd <= 0)
        {
            return false;
        }

        var others = 1 - (double)(ring.LargestUsd() / a.OutflowUsd);
        return drop * others >= fraction / 2;
    }

    /// <summary>With a baseline, at least <paramref name="multiple"/>× the expected outflow (and, when given, withdrawals averaging <paramref name="meanMultiple"/>× the usual size).</summary>
    private static bool IsVolume(in DrainAssessment a, double multiple, double? meanMultiple = null) =>
        a.HasBaseline && a.VolumeRatio >= multiple && (meanMultiple is not { } mean || a.MeanRatio >= mean);

    /// <summary>With no history, at least <paramref name="floor"/> in withdrawals averaging the cold-start mean.</summary>
    private static bool IsColdStartVolume(in DrainAssessment a, decimal floor, RapidDrainSettings s) =>
        !a.HasBaseline && a.OutflowUsd >= floor && a.MeanUsd >= s.ColdStartMinMeanUsd;

    private static AlertDetails VolumeDetails(in DrainAssessment a, double multiple)
    {
        var baseline = AlertWording.Round(a.ExpectedUsd);
        var threshold = Math.Round((decimal)(a.ExpectedUsd * multiple), 2);
        return new AlertDetails("window outflow USD excluding the largest withdrawal", a.OutflowUsd, threshold, baseline, AlertWording.Round(a.VolumeRatio));
    }

    private static string Describe(BaselineKind kind) => kind == BaselineKind.Learned ? "learned" : "recent (provisional)";

    /// <summary>
    /// What a test returns when it holds but was asked only whether it does (<c>explain: false</c>, see
    /// <see cref="SettledUnworded"/>): never reported.
    /// </summary>
    private static readonly DrainFinding Unworded = default;

    /// <summary>
    /// A condition that held: its numbers, the sentence that explains it, and which withdrawals its alert names. A large-leg
    /// finding names the wallet's largest large legs (to addresses first paid within the long window, so over the hour they
    /// may include a leg to an address paid earlier that hour, which its count leaves to the reuse test); a rare-leg finding
    /// the latest rare legs (a trickle's chunks are alike, its largest rare withdrawals often customers'), a cold-start-leg
    /// finding the latest of those legs (not customers' large withdrawals); the others, the
    /// window's largest withdrawals.
    /// </summary>
    /// <param name="FromBalance">The finding is the balance drop, which counts every withdrawal in the window.</param>
    private readonly record struct DrainFinding(AlertDetails Details, string Basis, DrainEvidence Names = DrainEvidence.Window, bool FromBalance = false);

    private enum DrainEvidence
    {
        Window,
        LargeLegs,
        RareLegs,
        ColdStartLegs,
    }
}
