using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace AlertFunctions.Detection.Rules;

/// <summary>
/// Checks one rule set as the rules file writes it (<c>defaults</c>, <c>assets.{ASSET}</c>, <c>platforms.{id}.rules</c>,
/// <c>platforms.{id}.assets.{ASSET}</c>) against the settings records' source-generated JSON metadata, before the layers
/// are merged. The serializer stops at the first unknown name of the merged copy, so a file with several mistakes took
/// several starts to fix; here each is reported where it is in the file, then removed so the values around it can still
/// be merged and range-checked.
/// </summary>
internal sealed class RuleSetShape(RulesFileProblems problems)
{
    public void Check(JsonObject ruleSet, string path) => CheckObject(ruleSet, RulesJsonContext.Default.RuleSet, path);

    private void CheckObject(JsonObject obj, JsonTypeInfo type, string path)
    {
        List<string>? unknown = null;
        foreach (var (name, value) in obj)
        {
            var childPath = RulesFileLines.Child(path, name);
            var property = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (property is null)
            {
                ReportUnknown(type, name, path);
                (unknown ??= []).Add(name);
            }
            else if (RulesJsonContext.Default.GetTypeInfo(property.PropertyType) is { Kind: JsonTypeInfoKind.Object } settings && value is JsonObject child)
            {
                CheckObject(child, settings, childPath);
            }
        }

        foreach (var name in unknown ?? [])
        {
            obj.Remove(name);
        }
    }

    private void ReportUnknown(JsonTypeInfo type, string name, string path)
    {
        var at = RulesFileLines.Child(path, name);
        if (type == RulesJsonContext.Default.RuleSet)
        {
            problems.At(at, $"unknown rule '{name}' in {path} (expected one of {string.Join(", ", type.Properties.Select(p => p.Name).Order(StringComparer.Ordinal))})");
            return;
        }

        // Names match case-sensitively, so "minUSD" is a different setting from "minUsd"; say which one was meant.
        var meant = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        problems.At(at, meant is null ? $"unknown setting '{name}' in {path}" : $"unknown setting '{name}' in {path} (did you mean '{meant.Name}'?)");
    }
}
