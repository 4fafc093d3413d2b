namespace AlertFunctions.Cli.Commands;

/// <summary>Opens the events argument of <c>replay</c>, <c>validate</c> and <c>send</c>: a file path, or <c>-</c> for standard input.</summary>
internal static class EventInput
{
    public const string StandardInput = "-";

    public static Stream Open(string path, Func<Stream> openStandardInput) =>
        path == StandardInput
            ? openStandardInput()
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    public static string Describe(string path) => path == StandardInput ? "stdin" : path;
}
