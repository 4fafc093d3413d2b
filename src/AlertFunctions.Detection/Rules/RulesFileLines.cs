using System.Text.Json;

namespace AlertFunctions.Detection.Rules;

/// <summary>
/// The line (1-based) on which each property and array item of a rules file starts, keyed by the path problems name it
/// by (<c>platforms.northwind.rules</c>, <c>platforms.northwind.internalWallets[0]</c>). A JsonNode keeps no positions,
/// and the serializer's own line numbers count lines of whatever document it is handed, not of the operator's file.
/// </summary>
internal sealed class RulesFileLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly List<string> _repeats = [];

    private RulesFileLines()
    {
    }

    /// <summary>Reads a document that has already parsed, so the reader cannot fail here.</summary>
    public static RulesFileLines Read(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options)
    {
        var map = new RulesFileLines();
        var reader = new Utf8JsonReader(utf8Json, options);
        var open = new Stack<Container>();
        var valuePath = string.Empty;
        var line = 1;
        var counted = 0;
        while (reader.Read())
        {
            var start = checked((int)reader.TokenStartIndex);
            line += utf8Json[counted..start].Count((byte)'\n');
            counted = start;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    var container = open.Peek();
                    valuePath = Child(container.Path, name);
                    if (container.Names.TryGetValue(name, out var first))
                    {
                        map._repeats.Add(container.Path.Length == 0
                            ? $"line {line}: '{name}' appears twice (first on line {first})"
                            : $"line {line}: '{name}' appears twice in {container.Path} (first on line {first})");
                    }
                    else
                    {
                        container.Names.Add(name, line);
                        map._lines.TryAdd(valuePath, line);
                    }

                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    continue;
            }

            if (open.TryPeek(out var parent) && parent.IsArray)
            {
                valuePath = Item(parent.Path, parent.Items++);
                map._lines.TryAdd(valuePath, line);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                open.Push(new Container(valuePath, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return map;
    }

    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    public int? LineOf(string path) => _lines.TryGetValue(path, out var line) ? line : null;

    /// <summary>
    /// Names given twice in one object. JSON parsers disagree on which one counts (a JsonObject throws when enumerated),
    /// so the operator must say.
    /// </summary>
    public IReadOnlyList<string> Repeats => _repeats;

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Items { get; set; }

        public Dictionary<string, int> Names { get; } = new(StringComparer.Ordinal);
    }
}
