using System.Text.Json;

namespace AlertFunctions.Storage.DeadLetters;

/// <summary>
/// The platform a refused body names, read best-effort for the dead letter: the body's top-level <c>platform</c> string, if
/// the JSON gets that far before whatever made it invalid. A body that is not an object, never names a platform, names an
/// empty or overlong one (over the contract's 256 characters), or breaks before it, names none.
/// </summary>
public static class NamedPlatform
{
    private const int MaxLength = 256;

    public static string? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPlatform = reader.ValueTextEquals("platform"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isPlatform)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 and <= MaxLength } platform && !string.IsNullOrWhiteSpace(platform)
                        ? platform
                        : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The body broke before naming a platform.
        }

        return null;
    }
}
