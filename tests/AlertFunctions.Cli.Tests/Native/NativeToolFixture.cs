using System.Diagnostics;
using System.Runtime.InteropServices;
using AlertFunctions.Testing;

namespace AlertFunctions.Cli.Tests.Native;

/// <summary>
/// Publishes the command-line tool the way it ships (<c>dotnet publish -r RID</c>: one natively compiled executable) into a
/// folder of its own, once for the test class. Its build folders are kept apart too (<c>--artifacts-path</c>), so the
/// publish never touches the obj folders the test run itself was built from.
/// </summary>
public sealed class NativeToolFixture : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private readonly string _root = Directory.CreateTempSubdirectory("alertfunctions-native-tool-").FullName;

    public string Executable => Path.Combine(_root, "tool", "alertfunctions");

    public async Task InitializeAsync()
    {
        if (!NativeToolchain.IsAvailable)
        {
            return;
        }

        var project = Path.Combine(RepositoryRoot.Find(), "src", "AlertFunctions.Cli", "AlertFunctions.Cli.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "--artifacts-path", Path.Combine(_root, "artifacts"), "-o", Path.Combine(_root, "tool"), "-nologo",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs inside MSBuild's environment; a nested build must find its own SDK, not inherit those paths.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(PublishTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"dotnet publish of the tool failed (exit {process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
