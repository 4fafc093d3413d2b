using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Rules;

/// <summary>
/// Checks one rule set as the rules file writes it (<c>defaults</c>, <c>assets.{ASSET}</c>, <c>platforms.{id}.rules</c>,
/// <c>platforms.{id}.assets.{ASSET}</c>) against the settings records' source-generated JSON metadata, before the layers
/// are merged. The serializer stops at the first problem of the merged copy and words it in .NET types and that copy's
/// lines; here each unknown name, mistyped value and null is reported where it is in the file. Unknown names are then
/// removed, so the values around them can still be merged and range-checked.
/// </summary>
internal sealed class RuleSetShape(RulesFileProblems problems)
{
    /// <summary>False once a value has the wrong type: the merged settings cannot then be deserialized.</summary>
    public bool ValuesHaveTheirTypes { get; private set; } = true;

    public void Check(JsonObject ruleSet, string path) => CheckObject(ruleSet, RulesJsonContext.Default.RuleSet, path);

    private void CheckObject(JsonObject obj, JsonTypeInfo type, string path)
    {
        List<string>? unknown = null;
        foreach (var (name, value) in obj)
        {
            var property = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (property is null)
            {
                ReportUnknown(type, name, path);
                (unknown ??= []).Add(name);
            }
            else
            {
                CheckValue(value, property.PropertyType, RulesFileLines.Child(path, name), name);
            }
        }

        foreach (var name in unknown ?? [])
        {
            obj.Remove(name);
        }
    }

    private void CheckValue(JsonNode? value, Type type, string path, string settingName)
    {
        var info = RulesJsonContext.Default.GetTypeInfo(type);
        switch (info?.Kind)
        {
            case JsonTypeInfoKind.Object when value is JsonObject obj:
                CheckObject(obj, info, path);
                break;
            case JsonTypeInfoKind.Dictionary when value is JsonObject map:
                foreach (var (key, item) in map)
                {
                    CheckValue(item, info.ElementType!, RulesFileLines.Child(path, key), settingName);
                }

                break;
            case JsonTypeInfoKind.Enumerable when value is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckValue(array[i], info.ElementType!, RulesFileLines.Item(path, i), settingName);
                }

                break;
            case JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary:
                Wrong(path, "must be an object", value);
                break;
            case JsonTypeInfoKind.Enumerable:
                Wrong(path, "must be an array", value);
                break;
            default:
                CheckScalar(value as JsonValue, type, path, settingName, value);
                break;
        }
    }

    // The same TryGet* the serializer's converters use, so whatever passes here deserializes.
    private void CheckScalar(JsonValue? value, Type type, string path, string settingName, JsonNode? found)
    {
        var kind = value?.GetValueKind();
        if (type == typeof(bool) && kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Wrong(path, "must be true or false", found);
        }
        else if (type == typeof(string) && kind is not JsonValueKind.String)
        {
            Wrong(path, "must be a string", found);
        }
        else if (type == typeof(int) && !(value?.TryGetValue<int>(out _) ?? false))
        {
            Wrong(path, kind is JsonValueKind.Number && value!.TryGetValue<double>(out var d) && Math.Abs(d) > int.MaxValue ? "is far out of range" : "must be a whole number", found);
        }
        else if (type == typeof(double) && !IsFinite(value))
        {
            Wrong(path, kind is JsonValueKind.Number ? "is far out of range" : "must be a number", found);
        }
        else if (type == typeof(decimal) && !(value?.TryGetValue<decimal>(out _) ?? false))
        {
            Wrong(path, kind is JsonValueKind.Number ? BeyondDecimal(value!, settingName) : "must be a number", found);
        }
    }

    // The serializer reads 1e400 as infinity, which no setting means.
    private static bool IsFinite(JsonValue? value) => value is not null && value.TryGetValue<double>(out var number) && double.IsFinite(number);

    // A number too large for decimal is far beyond every bound; a USD setting (named *Usd) says which bound it is, as the
    // same setting at 2e15 does, and the fractions and tolerances just say how far off it is.
    private static string BeyondDecimal(JsonValue value, string settingName) =>
        settingName.EndsWith("Usd", StringComparison.Ordinal) && !value.ToJsonString().StartsWith('-')
            ? $"must be at most {AmountLimits.Describe(AmountLimits.MaxUsd)}"
            : "is far out of range";

    private void Wrong(string path, string expectation, JsonNode? found)
    {
        ValuesHaveTheirTypes = false;
        problems.Wrong(path, $"{path} {expectation}", found);
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
