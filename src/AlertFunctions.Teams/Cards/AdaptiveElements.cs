using System.Text.Json.Nodes;

namespace AlertFunctions.Teams.Cards;

/// <summary>
/// The few Adaptive Card 1.5 elements the cards use (TextBlock, FactSet, Container, Action.OpenUrl), as JSON nodes.
/// Text passed here is already markdown: callers escape event-supplied parts with <see cref="CardText"/>.
/// </summary>
internal static class AdaptiveElements
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    // Bodies are built as lists of nodes, not JsonArrays: JsonArray.Add<T> picks its generic overload for a JsonObject and
    // is marked as needing runtime code generation, which the natively compiled command-line tool cannot do.
    public static JsonObject Card(IReadOnlyList<JsonNode> body, IReadOnlyList<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = new JsonArray([.. body]),
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = new JsonArray([.. actions]);
        }

        return card;
    }

    public static JsonObject TextBlock(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool subtle = false,
        string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        SetIfPresent(block, "size", size);
        SetIfPresent(block, "weight", weight);
        SetIfPresent(block, "color", color);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        SetIfPresent(block, "spacing", spacing);
        return block;
    }

    public static JsonObject Heading(string text) => TextBlock(text, weight: "Bolder", spacing: "Medium");

    public static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts)
    {
        var array = new List<JsonNode>();
        foreach (var (title, value) in facts)
        {
            array.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }

        return new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray([.. array]) };
    }

    public static JsonObject Container(IEnumerable<JsonObject> items, string? id = null, string? style = null, bool bleed = false)
    {
        var container = new JsonObject { ["type"] = "Container" };
        SetIfPresent(container, "id", id);
        SetIfPresent(container, "style", style);
        if (bleed)
        {
            container["bleed"] = true;
        }

        container["items"] = new JsonArray([.. items]);
        return container;
    }

    public static JsonObject OpenUrl(string title, Uri url) =>
        new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url.AbsoluteUri };

    private static void SetIfPresent(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
