using System.Diagnostics;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// Runs the built tool (alertfunctions.dll, copied beside the tests) as a real process with redirected output, for the
/// few things only a process shows: the exact bytes on stdout and what Spectre decides when stdout is not a terminal.
/// </summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, byte[] StandardOutput, string StandardError)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "alertfunctions.dll");
        Assert.True(File.Exists(tool), $"the built tool is missing: {tool}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var output = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var copying = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await copying;
        return (process.ExitCode, output.ToArray(), await error);
    }
}
