using System.Reflection;
using System.Text.Json.Nodes;

namespace AlertFunctions.App.Tests;

/// <summary>The app project's build output folder, as the test project's build resolved it.</summary>
internal static class AppBuildOutput
{
    public static string Directory { get; } = Locate();

    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        Assert.True(File.Exists(path), $"The app build output has no {fileName} at {path}.");
        return path;
    }

    public static JsonNode ReadJson(string fileName) =>
        JsonNode.Parse(File.ReadAllText(PathOf(fileName)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })
        ?? throw new InvalidOperationException($"{fileName} is JSON null.");

    private static string Locate()
    {
        var directory = typeof(AppBuildOutput).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "AlertFunctionsAppOutputDirectory")
            ?.Value;
        if (string.IsNullOrEmpty(directory) || !System.IO.Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"The app build output folder '{directory}' recorded at build time does not exist; build the test project first.");
        }

        return directory;
    }
}
