namespace AlertFunctions.Cli.Commands;

/// <summary>Opens the events argument of <c>replay</c>, <c>validate</c> and <c>send</c>: a file path, or <c>-</c> for standard input.</summary>
internal static class EventInput
{
    public const string StandardInput = "-";

    /// <exception cref="IOException">The file cannot be opened; the message says why (a directory is named as one).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static Stream Open(string path, Func<Stream> openStandardInput)
    {
        if (path == StandardInput)
        {
            return openStandardInput();
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException ex) when (Directory.Exists(path))
        {
            throw new IOException(FileErrorMessage.ForReading(path, ex), ex);
        }
    }

    public static string Describe(string path) => path == StandardInput ? "stdin" : path;
}
