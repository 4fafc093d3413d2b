namespace AlertFunctions.Cli.Commands;

/// <summary>
/// Says in words a user can act on why a file could not be read or written. .NET reports a directory given as a file as
/// "Access to the path … is denied" and a missing folder as "Could not find a part of the path", which send people
/// looking at permissions or at the file's name instead.
/// </summary>
internal static class FileErrorMessage
{
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="error">What opening or reading it threw (an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>).</param>
    public static string ForReading(string path, Exception error) =>
        Directory.Exists(path) ? $"{path} is a directory, not a file" : error.Message;

    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">What was to be written there, such as "--alerts-out": the message starts with it.</param>
    /// <param name="error">What creating or writing the file threw.</param>
    public static string ForWriting(string path, string what, Exception error)
    {
        if (Directory.Exists(path))
        {
            return $"{what}: {path} is a directory, not a file";
        }

        return error is DirectoryNotFoundException && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder)
            ? $"{what}: cannot create {path}: the directory {folder} does not exist"
            : $"{what}: cannot write {path}: {error.Message}";
    }
}
