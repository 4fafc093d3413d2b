using AlertFunctions.Detection.Contract;
using AlertFunctions.SampleData;

namespace AlertFunctions.Benchmarks;

/// <summary>
/// Days of the same synthetic traffic as <see cref="BenchmarkTraffic"/>, parsed. The last <see cref="MeasuredCount"/>
/// events are what a long-running engine sees; the ones before warm it. Two lengths:
/// <list type="bullet">
/// <item><see cref="TenDays"/>: past the destination memory (7 days), so the engine forgets destinations as it meets
/// new ones, but its tables still grow: a sweep runs only after as many inserts as half the table holds (amortized O(1)
/// per insert), so at about 3,000 new destinations a day a table holds up to two weeks of idle states between sweeps.
/// Measured on this traffic: 71,000 destination states at day 8, 90,000 at day 14.</item>
/// <item><see cref="FortyDays"/>: past that growth (77,000 to 97,000 states from day 25 on, each sweep's dropped states
/// reused by the inserts after it): what an engine that has run for weeks allocates.</item>
/// </list>
/// Built once per benchmark process, outside any measurement.
/// </summary>
internal sealed class LongRunningTraffic
{
    /// <summary>About the last day's withdrawals. A constant because BenchmarkDotNet's OperationsPerInvoke must be one.</summary>
    public const int MeasuredCount = 20_000;

    private static readonly Lazy<LongRunningTraffic> Ten = new(() => Create(10));
    private static readonly Lazy<LongRunningTraffic> Forty = new(() => Create(40));

    private LongRunningTraffic(WithdrawalEvent[] events) => Events = events;

    public static LongRunningTraffic TenDays => Ten.Value;

    public static LongRunningTraffic FortyDays => Forty.Value;

    public WithdrawalEvent[] Events { get; }

    /// <summary>Where the measured events begin.</summary>
    public int WarmCount => Events.Length - MeasuredCount;

    private static LongRunningTraffic Create(int days)
    {
        var options = new SampleTrafficOptions { Start = BenchmarkTraffic.Options.Start, Days = days, EventsPerDay = BenchmarkTraffic.Options.EventsPerDay };
        var generated = new SampleTrafficGenerator(options).Generate();
        if (generated.Count <= 2 * MeasuredCount)
        {
            throw new InvalidOperationException($"the generator made {generated.Count} events; the long-running benchmarks need more than {2 * MeasuredCount}");
        }

        return new LongRunningTraffic(BenchmarkTraffic.WriteAndParse(generated, generated.Count).Events);
    }
}
