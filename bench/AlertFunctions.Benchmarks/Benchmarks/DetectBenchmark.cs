using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlertFunctions.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="DetectionEngine.Process"/> per event over pre-parsed events, three ways, so steady-state cost is reported
/// apart from key creation:
/// <list type="bullet">
/// <item><see cref="SteadyState"/>: each iteration builds an engine and feeds it the first half of the traffic (1.5 days,
/// unmeasured), then measures the second half as it comes. The engine knows the platforms and hot wallets, but at 20,000
/// withdrawals a day from 40,000 customers (who also send 15 % of withdrawals to a new address) about half of these events
/// still bring a destination or account the engine has not seen, and their state is created here: what a running engine
/// allocates on this traffic.</item>
/// <item><see cref="KnownKeys"/>: the same warmed engine, measured on the 10,000 second-half events whose wallet/asset,
/// destination and account all occurred in the first half: the per-event cost with no state to create.</item>
/// <item><see cref="LongRunning"/>: an engine fed nine and a half days of traffic (unmeasured), then measured on the
/// last <see cref="LongRunningTraffic.MeasuredCount"/> events: past its destination memory (7 days), so it forgets
/// destinations as it meets new ones, though its tables still grow (see <see cref="LongRunningTraffic"/>).</item>
/// <item><see cref="RunningForWeeks"/>: the same after 39 days, when the tables have stopped growing: what an engine that
/// has run for weeks allocates, which is its alerts and the states of keys new to it.</item>
/// <item><see cref="FreshEngine"/>: an engine with default settings is built inside the measurement and sees all the
/// traffic, so every wallet, account and destination state is created in it, and its duplicate memory grows from empty:
/// the cost of a cold start (a partition picked up with no persisted state).</item>
/// </list>
/// The warmed engines remember <see cref="BenchmarkTraffic.FullDuplicateMemory"/> event ids per platform instead of the
/// default 65,536, so that their duplicate memory is already full, as in a long-running engine (see there).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class DetectBenchmark
{
    private WithdrawalEvent[] _events = null!;
    private DetectionEngine _engine = null!;
    private CountingAlertSink _sink = null!;

    [GlobalSetup]
    public void LoadTraffic() => _events = BenchmarkTraffic.Instance.Events;

    [IterationSetup(Targets = [nameof(SteadyState), nameof(KnownKeys)])]
    public void WarmEngine()
    {
        _engine = BenchmarkTraffic.Instance.CreateEngineToWarm();
        _sink = new CountingAlertSink();
        for (var i = 0; i < BenchmarkTraffic.HalfCount; i++)
        {
            _engine.Process(_events[i], _sink);
        }
    }

    [Benchmark(OperationsPerInvoke = BenchmarkTraffic.HalfCount)]
    public int SteadyState()
    {
        for (var i = BenchmarkTraffic.HalfCount; i < BenchmarkTraffic.EventCount; i++)
        {
            _engine.Process(_events[i], _sink);
        }

        return _sink.Changes;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkTraffic.KnownKeyCount)]
    public int KnownKeys()
    {
        var known = BenchmarkTraffic.Instance.KnownKeyEvents;
        for (var i = 0; i < known.Length; i++)
        {
            _engine.Process(known[i], _sink);
        }

        return _sink.Changes;
    }

    [IterationSetup(Target = nameof(LongRunning))]
    public void RunEngineForDays() => WarmOn(LongRunningTraffic.TenDays);

    [Benchmark(OperationsPerInvoke = LongRunningTraffic.MeasuredCount)]
    public int LongRunning() => MeasureOn(LongRunningTraffic.TenDays);

    [IterationSetup(Target = nameof(RunningForWeeks))]
    public void RunEngineForWeeks() => WarmOn(LongRunningTraffic.FortyDays);

    [Benchmark(OperationsPerInvoke = LongRunningTraffic.MeasuredCount)]
    public int RunningForWeeks() => MeasureOn(LongRunningTraffic.FortyDays);

    [Benchmark(OperationsPerInvoke = BenchmarkTraffic.EventCount)]
    public int FreshEngine()
    {
        var engine = new DetectionEngine(BenchmarkTraffic.Rules, BenchmarkTraffic.Instance.Watchlist);
        var sink = new CountingAlertSink();
        for (var i = 0; i < BenchmarkTraffic.EventCount; i++)
        {
            engine.Process(_events[i], sink);
        }

        return sink.Changes;
    }

    private void WarmOn(LongRunningTraffic traffic)
    {
        _engine = BenchmarkTraffic.Instance.CreateEngineToWarm();
        _sink = new CountingAlertSink();
        for (var i = 0; i < traffic.WarmCount; i++)
        {
            _engine.Process(traffic.Events[i], _sink);
        }
    }

    private int MeasureOn(LongRunningTraffic traffic)
    {
        var events = traffic.Events;
        for (var i = traffic.WarmCount; i < events.Length; i++)
        {
            _engine.Process(events[i], _sink);
        }

        return _sink.Changes;
    }
}
