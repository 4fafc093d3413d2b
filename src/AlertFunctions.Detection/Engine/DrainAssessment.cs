using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// The numbers of one wallet/asset window at one event: outflow, count and mean, the normal it is compared with, and the
/// balance drop since the window's start when balances are reported. Computed in O(1) from the rings' running sums.
/// </summary>
internal readonly record struct DrainAssessment(
    decimal OutflowUsd,
    int Count,
    BaselineKind Baseline,
    double ExpectedUsd,
    double ExpectedMeanUsd,
    double? BalanceDrop,
    decimal OutsizedUsd = 0,
    int OutsizedCount = 0,
    decimal CurrentUsd = 0,
    int ColdStartCandidates = 0,
    int ColdStartLegs = 0,
    decimal ColdStartLegsUsd = 0,
    decimal RoutineUsd = 0,
    int RoutineCount = 0)
{
    /// <summary>A balance drop from which a wallet is all but empty: one transaction may well do it (a sweep).</summary>
    public const double AlmostEmpty = 0.9;

    private const int MinOrdinaryForMean = 30;
    private const double MaxUsualRise = 3;
    private const double RushCountFactor = 2;
    private const double CrashCountFactor = 3;

    public bool HasBaseline => Baseline != BaselineKind.Cold;

    /// <summary>
    /// The usual withdrawal size now: the learned mean, raised (up to 3×) to the mean of the window's other ordinary
    /// withdrawals when customers are rushing out — at least twice the learned number of withdrawals in the window, and
    /// at least 30 of them — as in a run on the platform, where sizes grow with the count. Gated on the count because an
    /// hour's mean size of heavy-tailed withdrawals swings by a third on its own: raised on that noise, the bar let a thief's
    /// equal chunks (26× the learned size) pass as ordinary. Ordinary means not marked outsized, whatever the destination,
    /// so a thief's legs to an address he reuses do not raise the bar that would mark them.
    /// </summary>
    public double UsualMeanUsd
    {
        get
        {
            // The window's withdrawals but the outsized ones and the one being evaluated; computed only on the rare path
            // that needs it (a withdrawal already 20x the learned mean).
            if (!IsRush)
            {
                return ExpectedMeanUsd;
            }

            return Math.Clamp((double)(OutflowUsd - OutsizedUsd - CurrentUsd) / OrdinaryCount, ExpectedMeanUsd, ExpectedMeanUsd * MaxUsualRise);
        }
    }

    /// <summary>
    /// Customers or users are rushing out: with a baseline, the window holds at least twice the learned number of ordinary
    /// withdrawals (not outsized, the one evaluated left out), and at least 30 of them.
    /// </summary>
    public bool IsRush => HasMoreOrdinaryThan(RushCountFactor);

    /// <summary>
    /// A market-wide rush, not a busy hour: at least <see cref="CrashCountFactor"/> times the learned number of ordinary
    /// withdrawals, and at least 30. An hour of a pair's afternoon peak holds up to twice its learned number by chance.
    /// </summary>
    public bool IsCrash => HasMoreOrdinaryThan(CrashCountFactor);

    private bool HasMoreOrdinaryThan(double factor)
    {
        var expectedCount = ExpectedMeanUsd > 0 ? ExpectedUsd / ExpectedMeanUsd : double.PositiveInfinity;
        return HasBaseline && OrdinaryCount >= MinOrdinaryForMean && OrdinaryCount >= factor * expectedCount;
    }

    private int OrdinaryCount => Count - OutsizedCount - (CurrentUsd > 0 ? 1 : 0);

    /// <summary>Computed on demand: decimal division is the costliest arithmetic here, and most events never need it.</summary>
    public decimal MeanUsd => Count == 0 ? 0 : OutflowUsd / Count;

    public double VolumeRatio => ExpectedUsd <= 0 ? double.PositiveInfinity : (double)OutflowUsd / ExpectedUsd;

    public double MeanRatio => ExpectedMeanUsd <= 0 ? double.PositiveInfinity : (double)MeanUsd / ExpectedMeanUsd;

    /// <summary>
    /// How much larger than usual a withdrawal may be and still count as ordinary when explaining a balance drop: a bank
    /// run's withdrawals run somewhat larger than usual (whales leave too), a drain's legs tens of times larger.
    /// </summary>
    private const double OrdinarySizeFactor = 1.5;

    /// <summary>
    /// With no history, how many of an exchange's withdrawals without a customer account may be of the cold-start leg size
    /// in the ordinary course (its own payouts, say): up to 1 in 100.
    /// </summary>
    private const double ColdStartLegShare = 0.01;

    /// <summary>The bound, under <see cref="ColdStartLegShare"/>, on the chance of the hour's count of cold-start legs that lets them explain a balance drop.</summary>
    private const double ColdStartLegsMaxChance = 0.01;

    /// <summary>
    /// The part of the balance drop that withdrawals of ordinary size cannot explain. With a baseline, <see cref="Count"/>
    /// withdrawals of up to 1.5 × the usual size account for that much of the outflow. A rush of ordinary withdrawals — a
    /// bank run, a new listing's first hours — empties a hot wallet faster than it is refilled but raises the count with the
    /// volume, so it explains its whole drop; a drain's few large withdrawals explain little of theirs. The drop counts when
    /// the unexplained part reaches half of <paramref name="fraction"/>, the drop threshold in use.
    /// </summary>
    /// <remarks>
    /// Without a baseline, each withdrawal is credited with the cold-start mean
    /// (<see cref="RapidDrainSettings.ColdStartMinMeanUsd"/>). That alone let ten ordinary withdrawals "explain" $500,000 and
    /// hid the drain of a small hot wallet in its first hours. So the drop also counts when it is left unexplained once every
    /// withdrawal but the window's cold-start legs is credited with what it sent, provided those legs are too many for a
    /// heavy tail (<see cref="ColdStartLegsAreBeyondChance"/>, at 1 in 100). A wallet left all but empty (≥ 90%) needs no count: one or two
    /// legs may do that, and a warm wallet would be judged the same way (its usual size explains little of a sweep). There
    /// the legs are credited with the cold-start mean each and every other withdrawal with what it sent, so customers with
    /// accounts, whales among them, still explain their own share. Only on an exchange whose events carry accounts can a
    /// window tell cold-start legs from customers' withdrawals; a window whose withdrawals all could have been legs (no
    /// account among them) keeps the flat credit. Both windows count them; the long one over its own, longer span.
    /// </remarks>
    public bool DropIsUnexplained(RapidDrainSettings s, double fraction)
    {
        if (BalanceDrop is not { } drop || OutflowUsd <= 0)
        {
            return false;
        }

        // Routine withdrawals (customers paying their usual addresses) explain what they sent, whatever their size, and never
        // less than an ordinary withdrawal's credit.
        var others = Count - RoutineCount;
        if (HasBaseline)
        {
            var credit = ExpectedMeanUsd * OrdinarySizeFactor;
            return IsUnexplained(drop, (others * credit) + Math.Max((double)RoutineUsd, RoutineCount * credit), fraction);
        }

        var coldCredit = (double)s.ColdStartMinMeanUsd;
        return IsUnexplained(drop, (others * coldCredit) + Math.Max((double)RoutineUsd, RoutineCount * coldCredit), fraction)
            || (ColdStartLegsAreBeyondChance(s.LargeLegsMinCount, ColdStartLegsMaxChance) && IsUnexplained(drop, (double)(OutflowUsd - ColdStartLegsUsd), fraction))
            || (drop >= AlmostEmpty && ColdStartCandidates < Count && IsUnexplained(drop, (double)(OutflowUsd - ColdStartLegsUsd) + (ColdStartLegs * (double)s.ColdStartMinMeanUsd), fraction));
    }

    private bool IsUnexplained(double drop, double ordinaryUsd, double fraction) =>
        drop * Math.Clamp(1 - (ordinaryUsd / (double)OutflowUsd), 0, 1) >= fraction / 2;

    /// <summary>
    /// At least <paramref name="minLegs"/> cold-start legs, in a window that also holds customers' withdrawals (so the events
    /// tell customers from key transfers), and so many among the withdrawals that could have been legs that a Poisson tail
    /// bound, expecting <see cref="ColdStartLegShare"/> of them, puts the chance at or below <paramref name="maxChance"/>
    /// (the exact tail is smaller still: 3 among 40 is a bound of 3%, an exact chance of 0.8%).
    /// </summary>
    public bool ColdStartLegsAreBeyondChance(int minLegs, double maxChance) =>
        ColdStartLegs >= minLegs
        && ColdStartCandidates < Count
        && PoissonTail.LogChanceOfAtLeast(ColdStartLegs, ExpectedColdStartLegs) <= Math.Log(maxChance);

    /// <summary>How many cold-start legs the window's withdrawals without an account would bring in the ordinary course.</summary>
    public double ExpectedColdStartLegs => ColdStartLegShare * ColdStartCandidates;

    /// <summary>
    /// The same window without its routine withdrawals (see <see cref="RuleEvaluators.RoutineWithdrawals"/>): each volume test
    /// must hold on it too, so that institutions paid in bulk to their usual addresses do not make a wallet look drained.
    /// </summary>
    public DrainAssessment WithoutRoutine() =>
        RoutineCount == 0 ? this : this with { OutflowUsd = OutflowUsd - RoutineUsd, Count = Count - RoutineCount, RoutineUsd = 0, RoutineCount = 0 };

    /// <summary>
    /// The same window without its largest withdrawal. Volume tests use it, so that one big withdrawal — a whale's, or a
    /// sweep that <c>large-withdrawal</c> already judges on its own — does not by itself make a wallet look drained.
    /// </summary>
    public DrainAssessment WithoutLargest(BucketRing ring)
    {
        if (Count <= 1)
        {
            return this with { OutflowUsd = 0, Count = 0 };
        }

        var outflow = OutflowUsd - ring.LargestUsd();
        return this with { OutflowUsd = outflow, Count = Count - 1 };
    }

    /// <param name="currentUsd">The withdrawal being evaluated, already in the window: left out of the ordinary ones.</param>
    public static DrainAssessment Short(WalletAssetState w, decimal currentUsd) => Assess(w, w.Short, allowProvisional: true, currentUsd);

    public static DrainAssessment Long(WalletAssetState w) => Assess(w, w.Long, allowProvisional: false, 0);

    private static DrainAssessment Assess(WalletAssetState w, BucketRing ring, bool allowProvisional, decimal currentUsd)
    {
        var kind = BaselineKind.Cold;
        double expected = 0, expectedMean = 0;
        if (w.IsBaselineWarm)
        {
            kind = BaselineKind.Learned;
            expected = w.ExpectedUsd(ring);
            expectedMean = w.Baseline.MeanEventUsd;
        }
        else if (allowProvisional && TryProvisional(w, ring, out expected, out expectedMean))
        {
            kind = BaselineKind.Provisional;
        }

        double? drop = null;
        if (ring.BalanceAtWindowStart is { } start && start > 0 && w.Balance is { } now)
        {
            drop = Math.Clamp(((double)start - (double)now) / (double)start, 0, 1);
        }

        return new DrainAssessment(ring.SumUsd, ring.SumCount, kind, expected, expectedMean, drop, ring.OutsizedUsd, ring.OutsizedCount, currentUsd, ring.ColdStartCandidateCount, ring.ColdStartLegCount, ring.ColdStartLegUsd, ring.RoutineUsd, ring.RoutineCount);
    }

    // The long window minus the short one is history strictly before the window under test.
    private static bool TryProvisional(WalletAssetState w, BucketRing ring, out double expected, out double expectedMean)
    {
        expected = 0;
        expectedMean = 0;
        var priorCount = w.Long.SumCount - ring.SumCount;
        var historyStart = w.FirstSeen > w.Long.WindowStart ? w.FirstSeen : w.Long.WindowStart;
        var span = ring.WindowStart - historyStart;
        if (priorCount < w.Rules.Baseline.MinEvents || span < TimeSpan.FromHours(w.Rules.Baseline.ProvisionalHistoryHours))
        {
            return false;
        }

        var priorUsd = (double)(w.Long.SumUsd - ring.SumUsd);
        expected = priorUsd * (ring.Length / span);
        expectedMean = priorUsd / priorCount;
        return true;
    }
}
