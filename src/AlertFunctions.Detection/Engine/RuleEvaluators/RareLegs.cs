using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// Rapid-drain's rare-leg test over the long window (see <see cref="RapidDrainSettings.RareLegMeanMultiple"/>): each withdrawal is
/// judged once, at its event, as rare in size or not, and the wallet learns what share of its withdrawals are rare from the
/// buckets leaving the window. A trickle of chunks under the large-leg size still shows as far more rare legs to new
/// addresses than that share predicts for the window's withdrawals, where a rush raises both.
/// </summary>
internal static class RareLegs
{
    /// <summary>
    /// A wallet with none in its history would expect none: the share is never taken below this, so a handful of rare legs in
    /// a quiet wallet is not yet beyond chance.
    /// </summary>
    private const double MinShare = 0.002;

    /// <summary>The learned share must rest on at least this many judged withdrawals, over at least <see cref="MinJudgedHistory"/>.</summary>
    private const int MinJudgedEvents = 500;

    private static readonly TimeSpan MinJudgedHistory = TimeSpan.FromDays(1);

    /// <summary>
    /// Judges the withdrawal once its wallet has learned a mean: rare when at least the multiple of the usual size (the learned
    /// mean, or the rush-raised one of <see cref="DrainAssessment.UsualMeanUsd"/>), a rare leg when it is also at least the leg
    /// minimum and goes to an address first paid within the long window (kept as the wallet's latest rare legs, for alerts).
    /// </summary>
    public static void Judge(in EventContext c, RapidDrainSettings s)
    {
        var w = c.Wallet;
        var mean = w.Baseline.MeanEventUsd;
        if (mean <= 0)
        {
            return;
        }

        var usd = (double)c.Usd;
        // The usual size of a rush is computed only for withdrawals already above the learned bar: most never need it.
        var rare = IsCounted(c.Event) && usd >= s.RareLegMeanMultiple * mean && (!c.ShortWindow.HasBaseline || usd >= s.RareLegMeanMultiple * c.ShortWindow.UsualMeanUsd);
        var leg = rare && c.Usd >= s.MinLegUsd && c.DestinationFirstPaidInLongWindow;
        w.Long.MarkJudged(c.Event.Timestamp, c.Usd, rare, leg);
        if (leg)
        {
            w.RareLegEvidence.Offer(c.Event, c.Usd);
        }
    }

    /// <summary>
    /// Whether the withdrawal can be one of a thief's chunks. On an exchange a customer's withdrawal carries its account, where
    /// a transfer made with the wallet's key outside the withdrawal system does not: customers' withdrawals are left out of
    /// the count and of the share learned, so a new institutional segment or whales leaving in a crash (more rare withdrawals
    /// to new addresses, each by its own account) are not a trickle. On DeFi platforms and bridges the account is the
    /// initiating address, a thief's as much as a user's, so every withdrawal counts; so it does on an exchange whose
    /// events carry no accounts.
    /// </summary>
    public static bool IsCounted(in WithdrawalEvent e) => e.PlatformType != PlatformType.Exchange || e.AccountId is null;

    /// <summary>
    /// Whether a large withdrawal to a new address counts for the large-leg tests a crash's whales also pass (the 12-hour
    /// large-leg count, and <c>multi-asset-drain</c>'s single leg to a new address): a counted one (<see cref="IsCounted"/>),
    /// or a customer's outside a market-wide rush of its wallet's hour (<see cref="DrainAssessment.IsCrash"/>). Whales leave
    /// for new self-custody addresses with a crash's rush of ordinary withdrawals; a thief who issues withdrawals through a
    /// compromised withdrawal system, or takes over customers' accounts, needs no rush, and his legs carry accounts too.
    /// Leaving out every customer's leg let $1.6M taken in four $400,000 withdrawals with accounts from four pairs within
    /// twelve minutes raise nothing at all (a critical multi-asset-drain before).
    /// </summary>
    public static bool IsCountedAsLargeLeg(in WithdrawalEvent e, in DrainAssessment hour) => IsCounted(e) || !hour.IsCrash;

    /// <summary>
    /// On an exchange that sends accounts, the wallet has judged enough withdrawals (a day and <see cref="MinJudgedEvents"/>)
    /// to know that those without an account are rare in size less often than the floor share of them: in the ordinary
    /// course it makes none. The share is learned over all withdrawals but counts only those without an account, so the
    /// window's expectation from it is held, as in <see cref="Assess"/>, against the floor over the window's withdrawals
    /// without one. Compared with the floor directly, over the customers' withdrawals as well, a busy wallet's steady
    /// settlements without an account (a dozen $150,000-$300,000 a day among 7,200 withdrawals, 0.17%) looked like none,
    /// and three such wallets settling within half an hour raised a critical multi-asset-drain every few hours.
    /// </summary>
    public static bool LearnedNone(WalletAssetState w) =>
        HasLearnedShare(w) && w.Baseline.RareShare * w.Long.SumCount < MinShare * w.Long.ColdStartCandidateCount;

    /// <summary>The wallet has judged a day and <see cref="MinJudgedEvents"/> withdrawals: its share of rare ones means something.</summary>
    private static bool HasLearnedShare(WalletAssetState w) =>
        w.Baseline.JudgedEvents >= MinJudgedEvents && w.Baseline.JudgedBuckets * w.Long.WidthTicks >= MinJudgedHistory.Ticks;

    /// <summary>
    /// The bound on the chance, under the wallet's learned share of rare withdrawals, at which its users alone could have
    /// brought a window's large legs (see <see cref="UsersExplainLargeLegs"/>); the hour's cold-start legs use the same.
    /// </summary>
    private const double LargeLegsMaxChance = 0.01;

    /// <summary>
    /// On a DeFi platform or bridge every user's withdrawal can be a large leg (the account is the initiating address, and
    /// most users' addresses are new to the platform), so the count of large legs grows with the traffic: on a busy bridge
    /// day of fourteen times the usual withdrawals, a heavy tail brought three in an hour and six in twelve, 30% of the
    /// outflow with a few whales among them. There the count must also be beyond what the wallet's users predict, with a
    /// chance of at most 1 in 100 (a Chernoff bound, so the users are given the benefit of the doubt). Their share of large
    /// legs is not learned, their share of rare withdrawals is; of those, the part at least <c>large / rare</c> times larger
    /// (20x against 6x the usual size) is at most <c>rare / large</c> for a power-law tail with a mean (index above 1), and
    /// less for lighter tails such as the log-normal, so the expected count is taken as the rare share times that ratio:
    /// generous to the users without hiding a thief's legs in a busy pool (counting the rare share whole let an exploit
    /// sending each leg to a fresh address run two to four legs further). A wallet whose share is not learned yet is judged
    /// as before. On an exchange the large-leg tests are unchanged: its customers reuse their addresses. The bound applies
    /// only while the window is a rush (<see cref="DrainAssessment.IsRush"/>, at least twice the learned number of
    /// withdrawals), the busy day it was made for: on an ordinary day it let a busy pool's exploit, sixteen $900,000 legs
    /// each to its own address 20 or 45 minutes apart, run to leg 14-16 or past the last (caught at leg 7-9 without it),
    /// since 6/20 of a heavy-tailed share of rare withdrawals over a 12-hour window is a dozen legs.
    /// </summary>
    public static bool UsersExplainLargeLegs(in WithdrawalEvent e, WalletAssetState w, RapidDrainSettings s, int largeLegs, in DrainAssessment window)
    {
        var learned = w.Baseline;
        var withdrawals = window.Count;
        if (e.PlatformType == PlatformType.Exchange || !window.IsRush || !HasLearnedShare(w))
        {
            return false;
        }

        var tail = Math.Min(1, s.RareLegMeanMultiple / s.LargeLegMeanMultiple);
        var expected = Math.Max(learned.RareShare, MinShare) * tail * withdrawals;
        return PoissonTail.LogChanceOfAtLeast(largeLegs, expected) > Math.Log(LargeLegsMaxChance);
    }

    /// <summary>The long window's rare legs when chance does not explain them and they reach the floor and share; otherwise null.</summary>
    /// <param name="keyTransfersOnly">
    /// The count holds only withdrawals without a customer account, on an exchange whose events carry accounts (see
    /// <see cref="IsCounted"/>). The share's floor then applies to those withdrawals, not to the customers' as well, and
    /// the legs need no share of the outflow: both guard against a rush, whose customers' rare withdrawals grow with their
    /// ordinary ones, and customers' withdrawals are not counted here at all. Kept, they let a busy wallet's customers hide
    /// a thief's chunks paced just over half an hour apart (never three in an hour), whatever their number.
    /// </param>
    public static Count? Assess(RapidDrainSettings s, in DrainAssessment a, WalletAssetState w, bool keyTransfersOnly = false)
    {
        var ring = w.Long;
        var learned = w.Baseline;
        if (!a.HasBaseline || ring.RareLegCount < s.LongLargeLegsMinCount || !HasLearnedShare(w))
        {
            return null;
        }

        var floorBase = keyTransfersOnly ? a.ColdStartCandidates : ring.SumCount;
        var learnedExpected = learned.RareShare * ring.SumCount;
        var expected = Math.Max(learnedExpected, MinShare * floorBase);
        if (PoissonTail.LogChanceOfAtLeast(ring.RareLegCount, expected) > Math.Log(s.RareLegsMaxChance))
        {
            return null;
        }

        var largest = ring.LargestRareLegUsd();
        var legsUsd = ring.RareLegUsd - largest;
        var others = a.OutflowUsd - largest;
        if (legsUsd < s.LongMinUsd || others <= 0 || (!keyTransfersOnly && (double)(legsUsd / others) < s.LongLargeLegsMinShare))
        {
            return null;
        }

        // The count the alert names as its threshold is the one it had to reach: the chance's, or the minimum leg count when higher.
        var needed = Math.Max(PoissonTail.SmallestUnlikelyCount(expected, s.RareLegsMaxChance), s.LongLargeLegsMinCount);
        // The alert names the withdrawals the expectation was taken over: the floor's, when it is the higher, are on an
        // exchange sending accounts only those without one.
        var floorWins = MinShare * floorBase > learnedExpected;
        return new Count(ring.RareLegCount, expected, needed, legsUsd, (double)(legsUsd / others), floorWins ? floorBase : ring.SumCount, keyTransfersOnly && floorWins);
    }

    /// <summary>
    /// What the test found: the rare legs, how many chance explains and how many it does not, their USD without the largest
    /// and its share of the outflow, and the withdrawals the expectation was taken over (<paramref name="Among"/>, only those
    /// without a customer account when <paramref name="AmongKeyTransfers"/>).
    /// </summary>
    internal readonly record struct Count(int Legs, double Expected, int Needed, decimal UsdWithoutLargest, double Share, int Among, bool AmongKeyTransfers);
}
