using AlertFunctions.Cli.Commands;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Everything one <c>replay</c> invocation asked for, resolved from the command line: the input and the output files are
/// already open, so a path that cannot be used has failed before any line is read.
/// </summary>
internal sealed record ReplayRequest(Stream Input, string Source, ReplaySettings Settings, OutputFile? AlertsOut, OutputFile? RejectedOut, bool Progress, PipelineForwarder Forwarder);
