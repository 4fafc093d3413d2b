using AlertFunctions.Detection.Contract;
using AlertFunctions.SampleData;

namespace AlertFunctions.Benchmarks;

/// <summary>
/// Ten days of the same synthetic traffic as <see cref="BenchmarkTraffic"/>, parsed: enough for an engine to pass its
/// destination memory (7 days), after which it forgets about as many destinations as it meets and its tables stop
/// growing. The last <see cref="MeasuredCount"/> events are what a long-running engine sees; the ones before warm it.
/// Built once per benchmark process, outside any measurement.
/// </summary>
internal sealed class LongRunningTraffic
{
    /// <summary>About the tenth day's withdrawals. A constant because BenchmarkDotNet's OperationsPerInvoke must be one.</summary>
    public const int MeasuredCount = 20_000;

    private static readonly Lazy<LongRunningTraffic> Shared = new(Create);

    private LongRunningTraffic(WithdrawalEvent[] events) => Events = events;

    public static LongRunningTraffic Instance => Shared.Value;

    public WithdrawalEvent[] Events { get; }

    /// <summary>Where the measured events begin.</summary>
    public int WarmCount => Events.Length - MeasuredCount;

    private static LongRunningTraffic Create()
    {
        var options = new SampleTrafficOptions { Start = BenchmarkTraffic.Options.Start, Days = 10, EventsPerDay = BenchmarkTraffic.Options.EventsPerDay };
        var generated = new SampleTrafficGenerator(options).Generate();
        if (generated.Count <= 2 * MeasuredCount)
        {
            throw new InvalidOperationException($"the generator made {generated.Count} events; the long-running benchmark needs more than {2 * MeasuredCount}");
        }

        return new LongRunningTraffic(BenchmarkTraffic.WriteAndParse(generated, generated.Count).Events);
    }
}
