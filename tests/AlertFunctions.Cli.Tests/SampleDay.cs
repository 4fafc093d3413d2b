using AlertFunctions.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>The shipped sample day (samples/sample-day.jsonl), which the tool also embeds.</summary>
internal static class SampleDay
{
    public static string Path => System.IO.Path.Combine(RepositoryRoot.Find(), "samples", "sample-day.jsonl");

    public static string[] ReadLines() => File.ReadAllLines(Path).Where(line => line.Length > 0).ToArray();
}
