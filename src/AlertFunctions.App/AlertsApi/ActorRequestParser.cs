using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace AlertFunctions.App.AlertsApi;

/// <summary>Reads who acts from an acknowledge or resolve request body: <c>{"by": "name"}</c>.</summary>
public static class ActorRequestParser
{
    public static bool TryParse(string? body, [NotNullWhen(true)] out string? by, [NotNullWhen(false)] out string? error)
    {
        by = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = """The request body must be JSON naming who acts, like {"by": "alice@example.com"}.""";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = """The request body is not valid JSON; send {"by": "alice@example.com"}.""";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("by", out var byElement)
                || byElement.ValueKind != JsonValueKind.String)
            {
                error = """The request body must have a string property "by" naming who acts.""";
                return false;
            }

            if (!ActorName.TryNormalize(byElement.GetString(), out by))
            {
                error = $"\"by\" must be 1 to {ActorName.MaxLength} printable characters.";
                return false;
            }
        }

        error = null;
        return true;
    }
}
