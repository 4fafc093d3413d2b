using AlertFunctions.Benchmarks.Benchmarks;
using AlertFunctions.Benchmarks.Replay;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Benchmarks (BenchmarkDotNet's switcher: --filter '*', --list flat, ...) or the replay-file command, which writes the
// large input for bench/measure-replay.sh and is not a benchmark.
if (args.Length > 0 && args[0] == ReplayFileCommand.Name)
{
    return ReplayFileCommand.Run(args[1..], Console.Out, Console.Error);
}

// Ratios read "N x faster/slower" than the naive baseline: with a ratio near 0.01 two decimals would hide the number.
var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
BenchmarkSwitcher
    .FromTypes([typeof(ParseBenchmark), typeof(DetectBenchmark), typeof(ParseAndDetectBenchmark), typeof(EngineVersusNaiveBenchmark)])
    .Run(args, config);
return 0;
