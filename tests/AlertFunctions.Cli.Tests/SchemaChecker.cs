using System.Text.Json;
using System.Text.RegularExpressions;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// Just enough of JSON Schema 2020-12 to evaluate the event schema: type, enum, anyOf, required, properties,
/// additionalProperties (boolean), pattern, maxLength, minimum, exclusiveMinimum and local $ref, with the annotations
/// ignored as the specification says (format included: it is an annotation by default). Any other keyword throws, so
/// the schema cannot grow a rule this checker would silently skip.
/// </summary>
internal sealed class SchemaChecker(JsonElement root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "default", "format", "$defs", "examples"];

    public bool IsValid(JsonElement instance) => Check(root, instance);

    private bool Check(JsonElement schema, JsonElement instance)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return schema.ValueKind == JsonValueKind.True;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var holds = keyword.Name switch
            {
                var name when Annotations.Contains(name) => true,
                "$ref" => Check(Resolve(value.GetString()!), instance),
                "type" => value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Any(t => HasType(t.GetString()!, instance)) : HasType(value.GetString()!, instance),
                "enum" => value.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, instance)),
                "anyOf" => value.EnumerateArray().Any(alternative => Check(alternative, instance)),
                "required" => instance.ValueKind != JsonValueKind.Object || value.EnumerateArray().All(name => instance.TryGetProperty(name.GetString()!, out _)),
                "properties" => instance.ValueKind != JsonValueKind.Object
                    || value.EnumerateObject().All(property => !instance.TryGetProperty(property.Name, out var member) || Check(property.Value, member)),
                "additionalProperties" => instance.ValueKind != JsonValueKind.Object || AdditionalPropertiesHold(schema, value, instance),
                "pattern" => instance.ValueKind != JsonValueKind.String || EcmaPattern(value.GetString()!).IsMatch(instance.GetString()!),
                "maxLength" => instance.ValueKind != JsonValueKind.String || instance.GetString()!.EnumerateRunes().Count() <= value.GetInt32(),
                "minimum" => instance.ValueKind != JsonValueKind.Number || instance.GetDouble() >= value.GetDouble(),
                "exclusiveMinimum" => instance.ValueKind != JsonValueKind.Number || instance.GetDouble() > value.GetDouble(),
                _ => throw new NotSupportedException($"the test's schema checker does not implement the keyword '{keyword.Name}'"),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private JsonElement Resolve(string reference)
    {
        const string Prefix = "#/$defs/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"the test's schema checker resolves only local $defs references, not '{reference}'");
        }

        return root.GetProperty("$defs").GetProperty(reference[Prefix.Length..]);
    }

    private static bool AdditionalPropertiesHold(JsonElement schema, JsonElement additional, JsonElement instance)
    {
        if (additional.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        if (additional.ValueKind != JsonValueKind.False)
        {
            throw new NotSupportedException("the test's schema checker implements only a boolean additionalProperties");
        }

        var declared = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        return instance.EnumerateObject().All(member => declared.Contains(member.Name));
    }

    private static bool HasType(string type, JsonElement instance) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && Math.Floor(instance.GetDouble()) == instance.GetDouble(),
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"unknown JSON Schema type '{type}'"),
    };

    // ECMA-262 '$' (no multiline flag) matches only at the very end; .NET's also matches before a final newline.
    private static Regex EcmaPattern(string pattern) =>
        new(pattern.EndsWith('$') && !pattern.EndsWith(@"\$", StringComparison.Ordinal) ? string.Concat(pattern.AsSpan(0, pattern.Length - 1), @"\z") : pattern, RegexOptions.CultureInvariant);
}
