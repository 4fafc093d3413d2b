using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertFunctions.Teams.Cards;

namespace AlertFunctions.Teams.Tests.Cards;

/// <summary>Reads a serialized payload back and walks it the way a renderer would.</summary>
internal static partial class CardJson
{
    public static JsonObject Message(TeamsMessagePayload payload) => JsonNode.Parse(payload.Utf8Json.Span)!.AsObject();

    public static JsonObject Card(TeamsMessagePayload payload) => Message(payload)["attachments"]![0]!["content"]!.AsObject();

    /// <summary>Every object in the tree, depth first, the root included.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    foreach (var nested in Objects(child))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    foreach (var nested in Objects(child))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    /// <summary>Every string a renderer treats as markdown: TextBlock texts, fact titles and fact values.</summary>
    public static List<string> MarkdownTexts(JsonObject card) =>
    [
        .. Objects(card).Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!),
        .. Objects(card).Where(o => o.ContainsKey("title") && o.ContainsKey("value")).SelectMany(o => new[] { (string)o["title"]!, (string)o["value"]! }),
    ];

    /// <summary>Targets of live markdown links, <c>[text](target)</c> whose bracket and parenthesis are not escaped.</summary>
    public static List<string> LinkTargets(JsonObject card) =>
        [.. MarkdownTexts(card).SelectMany(text => LiveLink().Matches(text)).Select(match => match.Groups["target"].Value)];

    /// <summary>Fact title to value, across every FactSet of the card.</summary>
    public static Dictionary<string, string> Facts(JsonObject card)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fact in Objects(card).Where(o => o.ContainsKey("title") && o.ContainsKey("value")))
        {
            facts.Add((string)fact["title"]!, (string)fact["value"]!);
        }

        return facts;
    }

    public static JsonObject ById(JsonObject card, string id) => Objects(card).Single(o => (string?)o["id"] == id);

    public static List<string> TextsIn(JsonObject container) =>
        [.. Objects(container).Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!)];

    [GeneratedRegex(@"(?<!\\)\]\((?<target>[^)]*)\)")]
    private static partial Regex LiveLink();
}
