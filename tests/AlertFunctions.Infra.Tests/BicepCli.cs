using System.Diagnostics;
using System.Reflection;

namespace AlertFunctions.Infra.Tests;

/// <summary>Runs the bicep executable restored from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal sealed class BicepCli
{
    private const string ExecutableMetadataKey = "BicepExecutable";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _executable;

    private BicepCli(string executable) => _executable = executable;

    public static BicepCli Locate()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The infra tests run the linux-x64 bicep executable and need Linux.");
        }

        var executable = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == ExecutableMetadataKey)?.Value;

        if (string.IsNullOrEmpty(executable) || !File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"The bicep executable '{executable}' does not exist; restore the test project so NuGet extracts Azure.Bicep.CommandLine.linux-x64.");
        }

        // NuGet does not always keep the execute bit when it extracts a package.
        var mode = File.GetUnixFileMode(executable);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(executable, mode | UnixFileMode.UserExecute);
        }

        return new BicepCli(executable);
    }

    public BicepRun Run(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // bicep is a single-file .NET app: it unpacks native parts into this folder, which must be writable.
        startInfo.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(Path.GetTempPath(), "alertfunctions-bicep-bundle");

        var command = $"bicep {string.Join(' ', arguments)}";
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {command}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {Timeout}.");
        }

        return new BicepRun(command, process.ExitCode, standardOutput.GetAwaiter().GetResult(), standardError.GetAwaiter().GetResult());
    }
}
