using System.Text;

namespace AlertFunctions.Cli.Schema;

/// <summary>
/// The JSON Schema of the withdrawal event contract v1, embedded from <c>schemas/withdrawal-event.v1.schema.json</c> so
/// the tool prints the very file the repository ships (the csproj links it; nothing is generated).
/// </summary>
internal static class EventSchemaResource
{
    public const string ResourceName = "AlertFunctions.Cli.withdrawal-event.v1.schema.json";

    public static byte[] ReadBytes()
    {
        using var stream = typeof(EventSchemaResource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new IOException($"the embedded schema {ResourceName} is missing from this build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The schema as text. The file is ASCII, so the text and the bytes are the same thing.</summary>
    public static string ReadText() => Encoding.UTF8.GetString(ReadBytes());
}
