using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlertFunctions.Benchmarks.Benchmarks;

/// <summary>
/// Parse then detect, per event, on one thread: what an Event Hubs partition's consumer does with each body. Steady state,
/// as in <see cref="ParseBenchmark"/> and <see cref="DetectBenchmark.SteadyState"/>: a new parser and engine per iteration
/// are warmed on the first half of the traffic (unmeasured) and the second half is measured, so the row compares
/// directly with the sum of those two (and, like there, the engine's duplicate memory is full after the warm-up).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class ParseAndDetectBenchmark
{
    private byte[][] _lines = null!;
    private WithdrawalEventParser _parser = null!;
    private DetectionEngine _engine = null!;
    private CountingAlertSink _sink = null!;

    [GlobalSetup]
    public void LoadTraffic() => _lines = BenchmarkTraffic.Instance.Lines;

    [IterationSetup]
    public void WarmPipeline()
    {
        _parser = new WithdrawalEventParser();
        _engine = BenchmarkTraffic.Instance.CreateEngineToWarm();
        _sink = new CountingAlertSink();
        for (var i = 0; i < BenchmarkTraffic.HalfCount; i++)
        {
            ParseAndProcess(_lines[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = BenchmarkTraffic.HalfCount)]
    public int ParseAndDetect()
    {
        for (var i = BenchmarkTraffic.HalfCount; i < BenchmarkTraffic.EventCount; i++)
        {
            ParseAndProcess(_lines[i]);
        }

        return _sink.Changes;
    }

    private void ParseAndProcess(byte[] line)
    {
        var result = _parser.Parse(line);
        if (result.IsValid)
        {
            _engine.Process(result.Value, _sink);
        }
    }
}
