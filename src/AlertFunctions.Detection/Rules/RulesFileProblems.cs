using System.Text.Json.Nodes;

namespace AlertFunctions.Detection.Rules;

/// <summary>
/// Every problem found in one rules file, each with the line it is on where the file has one, so the operator fixes them
/// all in one edit instead of one start-up failure at a time.
/// </summary>
internal sealed class RulesFileProblems(RulesFileLines lines)
{
    private const int MaxShownLength = 40;
    private readonly List<string> _problems = [];

    /// <summary>A problem with the value at <paramref name="path"/> in the file.</summary>
    public void At(string path, string problem) =>
        _problems.Add(lines.LineOf(path) is { } line ? $"line {line}: {problem}" : problem);

    /// <summary>A value of the wrong kind, shown as found, so a <c>null</c> meant as "use the defaults" is seen for what it is.</summary>
    public void Wrong(string path, string expectation, JsonNode? found) => At(path, $"{expectation}, was {Describe(found)}");

    /// <summary>A problem of the settings in force for a platform and asset, which several lines of the file may make together.</summary>
    public void Add(string problem) => _problems.Add(problem);

    public void ThrowIfAny(string origin)
    {
        if (_problems.Count > 0)
        {
            throw new RulesFileException($"{origin}: {_problems.Count} problem(s) in the rules file:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", _problems)}");
        }
    }

    private static string Describe(JsonNode? found) => found switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => found.ToJsonString() is { Length: > MaxShownLength } text ? $"{text[..MaxShownLength]}…" : found.ToJsonString(),
    };
}
