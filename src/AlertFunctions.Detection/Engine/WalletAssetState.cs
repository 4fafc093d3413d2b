using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Everything the engine knows about one (platform, source wallet, asset): the rapid-drain short and long windows, the
/// learned baseline (fed only by buckets leaving the long window), the newest reported balance, and the open episodes of
/// the rules whose subject is this wallet.
/// </summary>
internal sealed class WalletAssetState : TrackedState
{
    public WalletAssetState(string platform, string wallet, string asset, RuleSet rules)
    {
        Platform = platform;
        Wallet = wallet;
        Asset = asset;
        Rules = rules;
        var drain = rules.RapidDrain;
        Short = new BucketRing(60, TimeSpan.FromMinutes(drain.WindowMinutes) / 60);
        Long = new BucketRing(48, TimeSpan.FromHours(drain.LongWindowHours) / 48);
        Baseline = new Baseline(TimeSpan.FromHours(rules.Baseline.HalfLifeHours) / Long.Length * 48);
        ShortEvidence = new WindowEvidence(Short.Length);
        LongEvidence = new WindowEvidence(Long.Length);
        LegEvidence = new WindowEvidence(Long.Length);
    }

    public string Platform { get; }

    public string Wallet { get; }

    public string Asset { get; }

    public RuleSet Rules { get; }

    public BucketRing Short { get; }

    public BucketRing Long { get; }

    public Baseline Baseline { get; }

    /// <summary>The largest withdrawals of the short window, named in its alerts.</summary>
    public WindowEvidence ShortEvidence { get; }

    /// <summary>The largest withdrawals of the long window, named in its alerts.</summary>
    public WindowEvidence LongEvidence { get; }

    /// <summary>
    /// The largest large legs (to addresses first paid within the long window) over that window: what a large-leg alert names. A busy
    /// wallet's largest withdrawals over hours are often a whale's to its usual address, not the thief's chunks.
    /// </summary>
    public WindowEvidence LegEvidence { get; }

    /// <summary>The latest rare legs (see <see cref="RuleEvaluators.RareLegs"/>): what a rare-leg alert names.</summary>
    public LatestEvidence RareLegEvidence { get; } = new();

    /// <summary>The latest cold-start legs of the long window (see <see cref="RuleEvaluators.ColdStartLegs"/>): what its alert names.</summary>
    public LatestEvidence ColdStartLegEvidence { get; } = new();

    /// <summary>Event time of the first withdrawal seen from this wallet/asset.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>Balance after the newest (by event time) withdrawal that reported one.</summary>
    public decimal? Balance { get; set; }

    public DateTimeOffset BalanceTime { get; set; }

    public bool IsBaselineWarm
    {
        get
        {
            var minBuckets = (long)Math.Ceiling(TimeSpan.FromHours(Rules.Baseline.MinHistoryHours).Ticks / (double)Long.WidthTicks);
            return Baseline.IsWarm(minBuckets, Rules.Baseline.MinEvents);
        }
    }

    /// <summary>Learned normal outflow over a span as long as <paramref name="ring"/>'s window.</summary>
    public double ExpectedUsd(BucketRing ring) => Baseline.ExpectedUsdPerBucket * ring.Length.Ticks / Long.WidthTicks;

    public override string StateKey => StateKeys.Wallet(Platform, Wallet, Asset);
}
