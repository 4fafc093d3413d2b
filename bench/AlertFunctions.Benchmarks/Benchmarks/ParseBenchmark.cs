using AlertFunctions.Detection.Contract;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlertFunctions.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="WithdrawalEventParser.Parse(ReadOnlySpan{byte})"/> per event, in steady state: each iteration gets a new
/// parser whose string pool is warmed (unmeasured) on the first half of the traffic, then parses the second half, so the
/// allocations reported are what a running consumer pays per event (event id, transaction hash, and first sightings of
/// new destinations), not the pool filling up from empty.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class ParseBenchmark
{
    private byte[][] _lines = null!;
    private WithdrawalEventParser _parser = null!;

    [GlobalSetup]
    public void LoadTraffic() => _lines = BenchmarkTraffic.Instance.Lines;

    [IterationSetup]
    public void WarmParser()
    {
        _parser = new WithdrawalEventParser();
        for (var i = 0; i < BenchmarkTraffic.HalfCount; i++)
        {
            _parser.Parse(_lines[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = BenchmarkTraffic.HalfCount)]
    public int Parse()
    {
        var accepted = 0;
        for (var i = BenchmarkTraffic.HalfCount; i < BenchmarkTraffic.EventCount; i++)
        {
            if (_parser.Parse(_lines[i]).IsValid)
            {
                accepted++;
            }
        }

        return accepted;
    }
}
