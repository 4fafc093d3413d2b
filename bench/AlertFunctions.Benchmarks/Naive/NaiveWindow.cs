namespace AlertFunctions.Benchmarks.Naive;

/// <summary>
/// A wallet/asset window as the naive detector computes it from scratch: outflow, count, largest withdrawal, balance drop,
/// and the plain (undecayed) baseline from the wallet/asset's events older than the long window.
/// </summary>
internal readonly record struct NaiveWindow(
    decimal OutflowUsd,
    int Count,
    decimal LargestUsd,
    double? BalanceDrop,
    bool Warm,
    double ExpectedUsd,
    double ExpectedMeanUsd,
    decimal ColdStartLegsUsd = 0,
    int ColdStartLegs = 0,
    int ColdStartCandidates = 0)
{
    public decimal MeanUsd => Count == 0 ? 0 : OutflowUsd / Count;

    public double VolumeRatio => ExpectedUsd <= 0 ? double.PositiveInfinity : (double)OutflowUsd / ExpectedUsd;

    public double MeanRatio => ExpectedMeanUsd <= 0 ? double.PositiveInfinity : (double)MeanUsd / ExpectedMeanUsd;

    /// <summary>
    /// The balance drop ordinary-sized withdrawals cannot explain, as in the engine: 1.5x the usual size each; with no
    /// baseline, the cold-start mean each, or, when the hour also holds withdrawals with a customer account and its
    /// cold-start legs are at least three and more than a tail of 1 in 100 of the others without one brings once in a
    /// hundred times, what the others sent; or, when such an hour leaves the wallet all but empty (90%), what the others
    /// sent plus the cold-start mean for each leg. Both windows count those legs. Simplified: the exact Poisson
    /// tail, where the engine uses a bound that overstates it, so this fires on a few hours the engine does not.
    /// </summary>
    public double UnexplainedDrop(double ordinaryMultiple, decimal coldOrdinaryUsd, int minLegs)
    {
        if (BalanceDrop is not { } drop || OutflowUsd <= 0)
        {
            return 0;
        }

        var outflow = (double)OutflowUsd;
        double Unexplained(double ordinaryUsd) => drop * Math.Clamp(1 - (ordinaryUsd / outflow), 0, 1);
        if (Warm)
        {
            return Unexplained(Count * ExpectedMeanUsd * ordinaryMultiple);
        }

        var expected = 0.01 * ColdStartCandidates;
        var chance = 1 - Enumerable.Range(0, ColdStartLegs).Sum(k => Math.Exp((k * Math.Log(expected)) - expected - Enumerable.Range(1, k).Sum(i => Math.Log(i))));
        var legsAreNotTheTail = ColdStartLegs >= minLegs && ColdStartCandidates < Count && chance <= 0.01;
        var sweep = drop >= 0.9 && ColdStartCandidates < Count ? Unexplained((double)(OutflowUsd - ColdStartLegsUsd) + (ColdStartLegs * (double)coldOrdinaryUsd)) : 0;
        return new[] { Unexplained(Count * (double)coldOrdinaryUsd), legsAreNotTheTail ? Unexplained((double)(OutflowUsd - ColdStartLegsUsd)) : 0, sweep }.Max();
    }

    public NaiveWindow WithoutLargest() =>
        Count <= 1 ? this with { OutflowUsd = 0, Count = 0 } : this with { OutflowUsd = OutflowUsd - LargestUsd, Count = Count - 1 };
}
