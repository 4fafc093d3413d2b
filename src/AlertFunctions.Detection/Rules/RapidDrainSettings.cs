namespace AlertFunctions.Detection.Rules;

/// <summary>
/// <c>rapid-drain</c>: a source wallet/asset loses funds faster than it normally does. Evaluated on every event over a short
/// sliding window (<see cref="WindowMinutes"/>) and a long one (<see cref="LongWindowHours"/>, for slow trickles); it fires when
/// the window outflow is at least <see cref="MinUsd"/> (long: <see cref="LongMinUsd"/>) and any of these holds:
/// <list type="bullet">
/// <item>the balance fell by at least <see cref="BalanceDropFraction"/> (long: <see cref="LongBalanceDropFraction"/>) of what it
/// was at the window's start, when <c>balanceAfter</c> is known (refills are internal and raise the balance, so a busy but
/// refilled hot wallet does not look drained); once the baseline is warm the outflow must also exceed twice the normal outflow,
/// and half the threshold must remain once each withdrawal in the window is credited with up to 1.5 × the usual size (without
/// a baseline, with <see cref="ColdStartMinMeanUsd"/> each; or, on an exchange whose events carry accounts, when the hour
/// holds at least <see cref="LargeLegsMinCount"/> cold-start legs of at least <see cref="ColdStartLegUsd"/> without an
/// account, more than a tail would bring, each withdrawal but those legs with what it sent; or, when the wallet is left all
/// but empty (90%), however few the legs, each leg with <see cref="ColdStartMinMeanUsd"/> and every other withdrawal with
/// what it sent: see <see cref="Engine.RuleEvaluators.ColdStartLegs"/>): a bank run empties a hot wallet through ordinary
/// withdrawals;</item>
/// <item>warm baseline: outflow ≥ <see cref="BaselineMultiple"/> × the learned outflow for a window of that length and the
/// window's mean withdrawal ≥ <see cref="MeanSizeMultiple"/> × the learned mean (a rush of ordinary withdrawals raises volume,
/// not size), or outflow ≥ <see cref="VolumeOnlyMultiple"/> × baseline whatever the size (a drain split into ordinary chunks);</item>
/// <item>large legs: at least <see cref="LargeLegsMinCount"/> withdrawals in the window each ≥ <see cref="LargeLegMeanMultiple"/>
/// × the usual withdrawal (and ≥ <see cref="MinLegUsd"/>; without a baseline ≥ <see cref="ColdStartMinMeanUsd"/>) to addresses
/// the platform never paid, which together, without the largest, reach <see cref="LargeLegsVolumeMultiple"/> × the normal
/// outflow (without a baseline: <see cref="ColdStartMinUsd"/>) and <see cref="LargeLegsMinShare"/> of the window's outflow
/// (also without it) — a drain cut into equal chunks, which the window's mean would hide among a busy wallet's ordinary
/// withdrawals; the share keeps out a burst of ordinary withdrawals (a batch of queued payouts, a rush), whose tail holds
/// such withdrawals in proportion to its size;</item>
/// <item>legs into one new address: at least <see cref="LargeLegsMinCount"/> withdrawals of at least <see cref="MinLegUsd"/>,
/// from any of the platform's wallets and assets, into one address first seen within the short window, which without the
/// largest reach the same bar as large legs (a thief reusing the address he just made; a drain split over tokens);</item>
/// <item>cold baseline (new wallet or asset): outflow ≥ <see cref="ColdStartMinUsd"/> (long: <see cref="LongColdStartMinUsd"/>)
/// with a mean withdrawal ≥ <see cref="ColdStartMinMeanUsd"/>;</item>
/// <item>long window only: at least <see cref="LongLargeLegsMinCount"/> large legs (as above, each judged when it was made,
/// but to addresses first paid within the long window, so a thief rotating among a few fresh addresses keeps counting)
/// which, without the largest, reach <see cref="LongMinUsd"/> (without a baseline, <see cref="LongColdStartMinUsd"/>) and
/// at least <see cref="LongLargeLegsMinShare"/> of the window's outflow (also without it) — a drain in chunks spaced so that
/// no hour holds enough of them; the share keeps out a market-wide rush, whose large withdrawals grow with its ordinary ones;</item>
/// <item>long window only: rare legs, once at least a day of withdrawals has been judged for their size — withdrawals of at
/// least <see cref="RareLegMeanMultiple"/> × the usual size (and ≥ <see cref="MinLegUsd"/>) to addresses first paid within the
/// window, at least <see cref="LongLargeLegsMinCount"/> of them and so many more than the wallet's learned share of such
/// withdrawals predicts for the window's withdrawals that chance would give that many at most once in
/// 1 / <see cref="RareLegsMaxChance"/> (a Poisson tail bound), which without the largest reach <see cref="LongMinUsd"/> and
/// <see cref="LongLargeLegsMinShare"/> of the window's outflow — a trickle in chunks under the large-leg size from a wallet
/// whose withdrawals are heavy-tailed (a bridge averaging $20,000 with routine millions), which the large-leg test misses
/// (rare: the usual size raised during a rush, as for large legs; the learned share never below 0.2%);
/// comparing with the window's own count keeps out a rush, whose rare withdrawals grow with its ordinary ones;</item>
/// <item>long window only, no history yet: at least <see cref="LongLargeLegsMinCount"/> cold-start legs (withdrawals of at
/// least <see cref="ColdStartLegUsd"/> without a customer account, on an exchange whose other withdrawals in the window carry
/// one, not routine for an address paid before the window) — so many more than a tail of 1 in 100 of the window's
/// withdrawals without an account would bring that chance gives that many at most once in 1 / <see cref="RareLegsMaxChance"/>
/// (a Poisson tail bound) — which without the largest reach <see cref="LongMinUsd"/>: a trickle that starts in a wallet's
/// first hours, before the rare legs have a day of history;</item>
/// <item>long window only: one destination first seen inside the window received ≥ <see cref="FreshDestinationMinUsd"/> in ≥
/// <see cref="FreshDestinationMinEvents"/> withdrawals of at least <see cref="MinLegUsd"/> each (a trickle into the attacker's
/// new address; a whale's first large withdrawal plus some small change is one leg).</item>
/// </list>
/// Volume tests leave out the window's largest withdrawal (one big withdrawal is <c>large-withdrawal</c>'s question). Once
/// fired, the alert grows only with withdrawals of at least <see cref="MinLegUsd"/> or of <see cref="LargeLegMeanMultiple"/>
/// × the usual size, and stays open while the rule keeps firing: one alert per source wallet, whatever the asset, so a hot
/// wallet emptied token by token is one alert.
/// </summary>
public sealed record RapidDrainSettings
{
    public bool Enabled { get; init; } = true;
    public int WindowMinutes { get; init; } = 60;
    public decimal MinUsd { get; init; } = 250_000m;
    public double BalanceDropFraction { get; init; } = 0.5;
    public double BaselineMultiple { get; init; } = 10;
    public double MeanSizeMultiple { get; init; } = 3;
    public double VolumeOnlyMultiple { get; init; } = 30;
    public double LargeLegMeanMultiple { get; init; } = 20;
    public int LargeLegsMinCount { get; init; } = 3;
    public double LargeLegsMinShare { get; init; } = 0.3;
    public double LargeLegsVolumeMultiple { get; init; } = 2;
    public decimal ColdStartMinUsd { get; init; } = 2_000_000m;
    public decimal ColdStartMinMeanUsd { get; init; } = 50_000m;
    public int LongWindowHours { get; init; } = 12;
    public decimal LongMinUsd { get; init; } = 1_000_000m;
    public decimal LongColdStartMinUsd { get; init; } = 10_000_000m;
    public int LongLargeLegsMinCount { get; init; } = 6;
    public double LongLargeLegsMinShare { get; init; } = 0.3;
    public double LongBalanceDropFraction { get; init; } = 0.8;
    public double LongBaselineMultiple { get; init; } = 5;

    public double RareLegMeanMultiple { get; init; } = 6;

    public double RareLegsMaxChance { get; init; } = 1e-6;
    public decimal FreshDestinationMinUsd { get; init; } = 1_000_000m;
    public int FreshDestinationMinEvents { get; init; } = 3;
    public decimal MinLegUsd { get; init; } = 50_000m;
    public decimal CriticalUsd { get; init; } = 10_000_000m;

    /// <summary>With no baseline yet, the size from which a withdrawal is not an ordinary one: a large leg, and part of a balance drop ordinary withdrawals cannot explain.</summary>
    internal decimal ColdStartLegUsd => Math.Max(MinLegUsd, ColdStartMinMeanUsd);

    internal IEnumerable<string> Validate()
    {
        if (WindowMinutes is < 5 or > 360) yield return $"rapidDrain.windowMinutes must be between 5 and 360, was {WindowMinutes}";
        if (LongWindowHours is < 2 or > 48) yield return $"rapidDrain.longWindowHours must be between 2 and 48, was {LongWindowHours}";
        if (LongWindowHours * 60 <= WindowMinutes) yield return $"rapidDrain.longWindowHours ({LongWindowHours} h) must be longer than windowMinutes ({WindowMinutes} min)";
        if (MinUsd <= 0) yield return $"rapidDrain.minUsd must be greater than 0, was {MinUsd}";
        if (LongMinUsd <= 0) yield return $"rapidDrain.longMinUsd must be greater than 0, was {LongMinUsd}";
        if (BalanceDropFraction is <= 0 or > 1) yield return $"rapidDrain.balanceDropFraction must be in (0, 1], was {BalanceDropFraction}";
        if (LongBalanceDropFraction is <= 0 or > 1) yield return $"rapidDrain.longBalanceDropFraction must be in (0, 1], was {LongBalanceDropFraction}";
        if (BaselineMultiple < 1) yield return $"rapidDrain.baselineMultiple must be at least 1, was {BaselineMultiple}";
        if (LongBaselineMultiple < 1) yield return $"rapidDrain.longBaselineMultiple must be at least 1, was {LongBaselineMultiple}";
        if (MeanSizeMultiple < 1) yield return $"rapidDrain.meanSizeMultiple must be at least 1, was {MeanSizeMultiple}";
        if (VolumeOnlyMultiple < BaselineMultiple) yield return $"rapidDrain.volumeOnlyMultiple must be at least baselineMultiple ({BaselineMultiple}), was {VolumeOnlyMultiple}";
        if (LongColdStartMinUsd < LongMinUsd) yield return $"rapidDrain.longColdStartMinUsd must be at least longMinUsd ({LongMinUsd}), was {LongColdStartMinUsd}";
        if (LargeLegMeanMultiple < MeanSizeMultiple) yield return $"rapidDrain.largeLegMeanMultiple must be at least meanSizeMultiple ({MeanSizeMultiple}), was {LargeLegMeanMultiple}";
        if (RareLegMeanMultiple < 1) yield return $"rapidDrain.rareLegMeanMultiple must be at least 1, was {RareLegMeanMultiple}";
        if (!(RareLegsMaxChance is > 0 and <= 0.01)) yield return $"rapidDrain.rareLegsMaxChance must be in (0, 0.01], was {RareLegsMaxChance}";
        if (LargeLegsMinCount is < 2 or > 100) yield return $"rapidDrain.largeLegsMinCount must be between 2 and 100, was {LargeLegsMinCount}";
        if (LongLargeLegsMinCount is < 2 or > 1_000) yield return $"rapidDrain.longLargeLegsMinCount must be between 2 and 1000, was {LongLargeLegsMinCount}";
        if (LargeLegsMinShare is < 0 or > 1) yield return $"rapidDrain.largeLegsMinShare must be in [0, 1], was {LargeLegsMinShare}";
        if (LongLargeLegsMinShare is <= 0 or > 1) yield return $"rapidDrain.longLargeLegsMinShare must be in (0, 1], was {LongLargeLegsMinShare}";
        if (LargeLegsVolumeMultiple < 1) yield return $"rapidDrain.largeLegsVolumeMultiple must be at least 1, was {LargeLegsVolumeMultiple}";
        if (ColdStartMinUsd <= 0) yield return $"rapidDrain.coldStartMinUsd must be greater than 0, was {ColdStartMinUsd}";
        if (ColdStartMinMeanUsd < 0) yield return $"rapidDrain.coldStartMinMeanUsd must not be negative, was {ColdStartMinMeanUsd}";
        if (FreshDestinationMinUsd <= 0) yield return $"rapidDrain.freshDestinationMinUsd must be greater than 0, was {FreshDestinationMinUsd}";
        if (FreshDestinationMinEvents < 1) yield return $"rapidDrain.freshDestinationMinEvents must be at least 1, was {FreshDestinationMinEvents}";
        if (MinLegUsd < 0) yield return $"rapidDrain.minLegUsd must not be negative, was {MinLegUsd}";
        if (CriticalUsd < MinUsd) yield return $"rapidDrain.criticalUsd must be at least minUsd ({MinUsd}), was {CriticalUsd}";
        var usd = SettingBounds.Usd(
            ("rapidDrain.minUsd", MinUsd), ("rapidDrain.coldStartMinUsd", ColdStartMinUsd), ("rapidDrain.coldStartMinMeanUsd", ColdStartMinMeanUsd),
            ("rapidDrain.longMinUsd", LongMinUsd), ("rapidDrain.longColdStartMinUsd", LongColdStartMinUsd), ("rapidDrain.freshDestinationMinUsd", FreshDestinationMinUsd),
            ("rapidDrain.minLegUsd", MinLegUsd), ("rapidDrain.criticalUsd", CriticalUsd));
        var multiples = SettingBounds.Multiples(
            ("rapidDrain.baselineMultiple", BaselineMultiple), ("rapidDrain.meanSizeMultiple", MeanSizeMultiple), ("rapidDrain.volumeOnlyMultiple", VolumeOnlyMultiple),
            ("rapidDrain.largeLegMeanMultiple", LargeLegMeanMultiple), ("rapidDrain.largeLegsVolumeMultiple", LargeLegsVolumeMultiple), ("rapidDrain.longBaselineMultiple", LongBaselineMultiple),
            ("rapidDrain.rareLegMeanMultiple", RareLegMeanMultiple));
        foreach (var problem in usd.Concat(multiples))
        {
            yield return problem;
        }
    }
}
