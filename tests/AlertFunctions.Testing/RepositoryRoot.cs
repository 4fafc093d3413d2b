namespace AlertFunctions.Testing;

/// <summary>Locates the repository from a test's output folder, so fixtures find node_modules wherever the build output lives.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "AlertFunctions.sln";

    public static string Find() => Find(AppContext.BaseDirectory);

    public static string Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root: no folder above '{startDirectory}' contains {MarkerFile}.");
    }
}
