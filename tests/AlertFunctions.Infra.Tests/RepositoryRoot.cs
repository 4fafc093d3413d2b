namespace AlertFunctions.Infra.Tests;

/// <summary>Locates the repository from the test output folder, so tests read infra/ wherever the clone lives.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFileName = "AlertFunctions.sln";

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} found in {AppContext.BaseDirectory} or any parent folder; the infra tests must run from inside the repository.");
    }

    public static string InfraFile(string relativePath) => Path.Combine(Find(), "infra", relativePath);
}
