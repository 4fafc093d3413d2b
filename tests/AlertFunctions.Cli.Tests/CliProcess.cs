using System.Diagnostics;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// Runs the tool as a real process with redirected output, for the few things only a process shows: the exact bytes on
/// stdout, what Spectre decides when stdout is not a terminal, and the natively published executable. <see cref="RunAsync"/>
/// runs the build beside the tests (alertfunctions.dll, under the JIT).
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static Task<(int ExitCode, byte[] StandardOutput, string StandardError)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "alertfunctions.dll");
        Assert.True(File.Exists(tool), $"the built tool is missing: {tool}");
        return RunExecutableAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", environment, [tool, .. args]);
    }

    public static async Task<(int ExitCode, byte[] StandardOutput, string StandardError)> RunExecutableAsync(string executable, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
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
        using var timeout = new CancellationTokenSource(Timeout);
        var copying = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await copying;
        return (process.ExitCode, output.ToArray(), await error);
    }
}
