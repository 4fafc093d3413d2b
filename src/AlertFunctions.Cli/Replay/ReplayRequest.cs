namespace AlertFunctions.Cli.Replay;

/// <summary>Everything one <c>replay</c> invocation asked for, resolved from the command line.</summary>
internal sealed record ReplayRequest(string? Input, ReplaySettings Settings, FileInfo? AlertsOut, FileInfo? RejectedOut, bool Progress, PipelineForwarder Forwarder);
