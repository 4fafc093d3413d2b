using System.Text.Json;
using AlertFunctions.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>The schema file as the repository ships it (not the embedded copy: the tests compare the two).</summary>
internal static class ShippedSchema
{
    public static string Path => System.IO.Path.Combine(RepositoryRoot.Find(), "schemas", "withdrawal-event.v1.schema.json");

    public static byte[] ReadBytes() => File.ReadAllBytes(Path);

    public static JsonElement Read()
    {
        using var document = JsonDocument.Parse(ReadBytes());
        return document.RootElement.Clone();
    }
}
