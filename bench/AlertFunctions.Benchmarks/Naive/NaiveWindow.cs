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
    double ExpectedMeanUsd)
{
    public decimal MeanUsd => Count == 0 ? 0 : OutflowUsd / Count;

    public double VolumeRatio => ExpectedUsd <= 0 ? double.PositiveInfinity : (double)OutflowUsd / ExpectedUsd;

    public double MeanRatio => ExpectedMeanUsd <= 0 ? double.PositiveInfinity : (double)MeanUsd / ExpectedMeanUsd;

    /// <summary>The balance drop ordinary-sized withdrawals (1.5x the usual, or the cold-start mean) cannot explain, as in the engine.</summary>
    public double UnexplainedDrop(double ordinaryMultiple, decimal coldOrdinaryUsd) =>
        BalanceDrop is not { } drop || OutflowUsd <= 0
            ? 0
            : drop * Math.Clamp(1 - (Count * (Warm ? ExpectedMeanUsd * ordinaryMultiple : (double)coldOrdinaryUsd) / (double)OutflowUsd), 0, 1);

    public NaiveWindow WithoutLargest() =>
        Count <= 1 ? this with { OutflowUsd = 0, Count = 0 } : this with { OutflowUsd = OutflowUsd - LargestUsd, Count = Count - 1 };
}
