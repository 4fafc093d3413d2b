using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlertFunctions.Testing;

/// <summary>
/// One Azurite child process on free loopback ports, in memory only. Never the default ports 10000-10002, so a developer's own
/// Azurite keeps running undisturbed beside the tests.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string NotInstalledMessage = "Azurite is not installed: run `npm ci` at the repository root";

    private const int MaxStartAttempts = 3;
    private const int OutputLinesKept = 40;
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _workingDirectory;

    private AzuriteProcess(Process process, string workingDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString => DevelopmentStorageAccount.ConnectionString(BlobPort, QueuePort, TablePort);

    public static string ScriptPath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var script = ScriptPath(repositoryRoot);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{NotInstalledMessage} (expected {script}).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var ports = FreeTcpPorts.Pick(3);
            var output = new BoundedLineLog(OutputLinesKept);
            var workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
            var process = Launch(script, ports[0], ports[1], ports[2], workingDirectory, output);
            var candidate = new AzuriteProcess(process, workingDirectory, ports[0], ports[1], ports[2]);
            try
            {
                if (await candidate.WaitUntilReadyAsync(readyTimeout, cancellationToken).ConfigureAwait(false))
                {
                    return candidate;
                }
            }
            catch
            {
                await candidate.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await candidate.DisposeAsync().ConfigureAwait(false);
            var log = output.ToString();
            // Another process can grab a port between picking it and Azurite binding it; a fresh set of ports fixes that.
            var portTaken = log.Contains("EADDRINUSE", StringComparison.Ordinal);
            if (!portTaken || attempt == MaxStartAttempts)
            {
                throw new InvalidOperationException(
                    $"Azurite did not start (attempt {attempt}, ports {ports[0]}/{ports[1]}/{ports[2]}). Its output:{Environment.NewLine}{log}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(StopTimeout);
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _process.Dispose();
            TryDeleteWorkingDirectory();
        }
    }

    private static Process Launch(string script, int blobPort, int queuePort, int tablePort, string workingDirectory, BoundedLineLog output)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in new[] { "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        AddEndpoint(startInfo, "blob", blobPort);
        AddEndpoint(startInfo, "queue", queuePort);
        AddEndpoint(startInfo, "table", tablePort);

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "Node.js is required to run Azurite but `node` could not be started; install Node.js or set AZURITE_CONNECTION_STRING.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void AddEndpoint(ProcessStartInfo startInfo, string service, int port)
    {
        startInfo.ArgumentList.Add($"--{service}Host");
        startInfo.ArgumentList.Add("127.0.0.1");
        startInfo.ArgumentList.Add($"--{service}Port");
        startInfo.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                return false;
            }

            if (await AcceptsConnectionsAsync(TablePort, cancellationToken).ConfigureAwait(false)
                && await AcceptsConnectionsAsync(QueuePort, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(ProbeInterval, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"Azurite did not accept connections on ports {QueuePort} (queue) and {TablePort} (table) within {timeout.TotalSeconds:0} s.");
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            // Not listening yet: the caller polls again.
            return false;
        }
    }

    private void TryDeleteWorkingDirectory()
    {
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless; failing a test run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
