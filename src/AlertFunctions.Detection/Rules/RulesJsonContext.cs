using System.Text.Json.Serialization;

namespace AlertFunctions.Detection.Rules;

// Unknown members are errors: a misspelt threshold in a rules file must stop the start, not be silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(RuleSet))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
