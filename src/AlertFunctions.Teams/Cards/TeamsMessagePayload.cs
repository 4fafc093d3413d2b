using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertFunctions.Teams.Cards;

/// <summary>
/// A serialized Workflows webhook body: <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",...}]}</c>.
/// Serialized once, as UTF-8, so the size checked against <see cref="MaxBytes"/> is exactly the size sent.
/// </summary>
public sealed class TeamsMessagePayload
{
    /// <summary>Teams refuses messages over about 28 KB; 28,000 bytes is under both the decimal and the binary reading of that limit.</summary>
    public const int MaxBytes = 28_000;

    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private readonly byte[] _utf8Json;

    private TeamsMessagePayload(byte[] utf8Json) => _utf8Json = utf8Json;

    public ReadOnlyMemory<byte> Utf8Json => _utf8Json;

    public int Length => _utf8Json.Length;

    /// <summary>Wraps an Adaptive Card in the message envelope. The card node is attached to the envelope, so pass a fresh one.</summary>
    public static TeamsMessagePayload FromCard(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            message.WriteTo(writer);
        }

        return new TeamsMessagePayload(buffer.WrittenSpan.ToArray());
    }

    public override string ToString() => Encoding.UTF8.GetString(_utf8Json);

    internal HttpContent CreateContent()
    {
        var content = new ByteArrayContent(_utf8Json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
