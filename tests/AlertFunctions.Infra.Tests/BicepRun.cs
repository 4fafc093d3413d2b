namespace AlertFunctions.Infra.Tests;

/// <summary>Outcome of one bicep CLI invocation.</summary>
internal sealed record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    // Bicep exits 0 even when it reports warnings, so the diagnostics text is the only signal for them.
    public bool ReportsWarnings => Output.Contains("Warning", StringComparison.Ordinal);

    public string Output => StandardOutput + StandardError;

    public string Describe() =>
        $"`{Command}` exited with {ExitCode}.{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
}
