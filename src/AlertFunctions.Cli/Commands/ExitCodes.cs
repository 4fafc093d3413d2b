namespace AlertFunctions.Cli.Commands;

/// <summary>Process exit codes. A replay that finds alerts or rejects lines still succeeds: only usage and I/O problems fail it.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidEvents = 1;
    public const int Usage = 2;
    public const int InputOrConfiguration = 3;

    /// <summary><c>send</c>: some valid events did not reach Event Hubs (a batch failed after the client's own retries).</summary>
    public const int SendFailed = 4;
}
