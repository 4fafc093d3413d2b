namespace AlertFunctions.Detection.Engine;

/// <summary>
/// What a wallet/asset normally does, learned one long-window bucket at a time, and only from buckets that have already
/// left the long window: the window under test never feeds the bar it is measured against. Values are exponentially
/// weighted with a half-life, with bias correction so early estimates are plain averages rather than pulled towards zero.
/// Statistics, not money, so they are doubles.
/// </summary>
internal sealed class Baseline
{
    private readonly double _decay;

    public Baseline(double halfLifeBuckets)
    {
        _decay = Math.Pow(0.5, 1.0 / halfLifeBuckets);
    }

    /// <summary>Exponentially weighted USD outflow per bucket (uncorrected).</summary>
    public double UsdPerBucket { get; private set; }

    /// <summary>Exponentially weighted withdrawals per bucket (uncorrected).</summary>
    public double EventsPerBucket { get; private set; }

    /// <summary>The largest single withdrawal seen, decaying with the half-life, so one old outlier fades.</summary>
    public double DecayedMaxUsd { get; private set; }

    /// <summary>Buckets learned so far, empty ones included.</summary>
    public long LearnedBuckets { get; private set; }

    public long LearnedEvents { get; private set; }

    /// <summary>Exponentially weighted withdrawals judged for their size per bucket, and how many of them were rare (see <see cref="LearnSizes"/>).</summary>
    public double JudgedPerBucket { get; private set; }

    public double RarePerBucket { get; private set; }

    /// <summary>Buckets and withdrawals that were judged for their size, learned so far.</summary>
    public long JudgedBuckets { get; private set; }

    public long JudgedEvents { get; private set; }

    /// <summary>The learned share of withdrawals judged rare in size; 0 before any was judged.</summary>
    public double RareShare => JudgedPerBucket <= 0 ? 0 : RarePerBucket / JudgedPerBucket;

    /// <summary>
    /// Exponentially weighted outflow in asset units per bucket, and withdrawals per bucket counted alongside it: the usual
    /// size of a withdrawal when nothing gives it a USD value (<see cref="MeanEventUnits"/>). Its own count, started with it,
    /// so the ratio needs no bias correction and a baseline restored from a snapshot that predates it starts it afresh.
    /// </summary>
    public double UnitsPerBucket { get; private set; }

    public double UnitEventsPerBucket { get; private set; }

    /// <summary>Withdrawals learned into <see cref="UnitsPerBucket"/> so far.</summary>
    public long UnitEventsLearned { get; private set; }

    /// <summary>Mean asset units of one withdrawal; 0 before any was learned.</summary>
    public double MeanEventUnits => UnitEventsPerBucket <= 0 ? 0 : UnitsPerBucket / UnitEventsPerBucket;

    /// <summary>1 − decay^n: divides the weighted sums so that they are unbiased averages from the first bucket on. Kept, not recomputed per read.</summary>
    private double _correction = 1;

    public double ExpectedUsdPerBucket => LearnedBuckets == 0 ? 0 : UsdPerBucket / _correction;

    /// <summary>Mean USD of one withdrawal; 0 before any event was learned.</summary>
    public double MeanEventUsd => EventsPerBucket <= 0 ? 0 : UsdPerBucket / EventsPerBucket;

    public bool IsWarm(long minBuckets, long minEvents) => LearnedBuckets >= minBuckets && LearnedEvents >= minEvents;

    public void Learn(decimal usd, int count, decimal maxUsd)
    {
        UsdPerBucket = (_decay * UsdPerBucket) + ((1 - _decay) * (double)usd);
        EventsPerBucket = (_decay * EventsPerBucket) + ((1 - _decay) * count);
        DecayedMaxUsd = Math.Max(DecayedMaxUsd * _decay, (double)maxUsd);
        LearnedBuckets++;
        LearnedEvents += count;
        UpdateCorrection();
    }

    /// <summary>
    /// Learns how many of a bucket's withdrawals were judged for their size and how many of them were rare. Every bucket ages
    /// the sums, as it ages the mean (so the share's half-life is in time, not in judged buckets); only judged withdrawals
    /// add to them, so the hours before the first mean, when nothing could be judged, do not pull the share towards zero.
    /// </summary>
    public void LearnSizes(int judged, int rare)
    {
        JudgedPerBucket *= _decay;
        RarePerBucket *= _decay;
        if (judged <= 0)
        {
            return;
        }

        JudgedPerBucket += (1 - _decay) * judged;
        RarePerBucket += (1 - _decay) * rare;
        JudgedBuckets++;
        JudgedEvents += judged;
    }

    /// <summary>Learns a bucket's outflow in asset units; every bucket ages the sums, as it ages the USD mean.</summary>
    public void LearnUnits(decimal units, int count)
    {
        UnitsPerBucket = (_decay * UnitsPerBucket) + ((1 - _decay) * (double)units);
        UnitEventsPerBucket = (_decay * UnitEventsPerBucket) + ((1 - _decay) * count);
        UnitEventsLearned += count;
    }

    public void LearnEmpty(long buckets)
    {
        if (buckets <= 0)
        {
            return;
        }

        var factor = Math.Pow(_decay, buckets);
        UsdPerBucket *= factor;
        EventsPerBucket *= factor;
        DecayedMaxUsd *= factor;
        JudgedPerBucket *= factor;
        RarePerBucket *= factor;
        UnitsPerBucket *= factor;
        UnitEventsPerBucket *= factor;
        LearnedBuckets += buckets;
        UpdateCorrection();
    }

    private void UpdateCorrection() => _correction = 1 - Math.Pow(_decay, LearnedBuckets);

    internal void RestoreSizes(double judgedPerBucket, double rarePerBucket, long judgedBuckets, long judgedEvents)
    {
        // A damaged share would reach detection as NaN and fail every batch of the partition; refused here, the entry is
        // skipped at import and the wallet starts judging afresh.
        if (!(judgedPerBucket >= 0) || !double.IsFinite(judgedPerBucket) || !(rarePerBucket >= 0) || !(rarePerBucket <= judgedPerBucket) || judgedBuckets < 0 || judgedEvents < 0)
        {
            throw new InvalidDataException($"judged sizes out of range: {judgedPerBucket} judged and {rarePerBucket} rare per bucket, {judgedBuckets} buckets, {judgedEvents} withdrawals");
        }

        JudgedPerBucket = judgedPerBucket;
        RarePerBucket = rarePerBucket;
        JudgedBuckets = judgedBuckets;
        JudgedEvents = judgedEvents;
    }

    internal void RestoreUnits(double unitsPerBucket, double unitEventsPerBucket, long unitEventsLearned)
    {
        // As for the judged sizes: a damaged value would reach detection as NaN; refused, the entry starts afresh.
        if (!(unitsPerBucket >= 0) || !double.IsFinite(unitsPerBucket) || !(unitEventsPerBucket >= 0) || !double.IsFinite(unitEventsPerBucket) || unitEventsLearned < 0)
        {
            throw new InvalidDataException($"learned units out of range: {unitsPerBucket} units and {unitEventsPerBucket} withdrawals per bucket, {unitEventsLearned} withdrawals");
        }

        UnitsPerBucket = unitsPerBucket;
        UnitEventsPerBucket = unitEventsPerBucket;
        UnitEventsLearned = unitEventsLearned;
    }

    internal void Restore(double usdPerBucket, double eventsPerBucket, double decayedMaxUsd, long learnedBuckets, long learnedEvents)
    {
        UsdPerBucket = usdPerBucket;
        EventsPerBucket = eventsPerBucket;
        DecayedMaxUsd = decayedMaxUsd;
        LearnedBuckets = learnedBuckets;
        LearnedEvents = learnedEvents;
        UpdateCorrection();
    }
}
