using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertFunctions.Detection.Alerts;

/// <summary>
/// The alert's JSON shape (camelCase, enums as their contract names: <c>"critical"</c>, <c>"sourceWallet"</c>), shared by
/// the replay's <c>--alerts-out</c>, storage and persisted detector state. Compact and deterministic.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    Converters = [typeof(SeverityJsonConverter), typeof(SubjectTypeJsonConverter)])]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(AlertDetails))]
public sealed partial class AlertJsonContext : JsonSerializerContext;

internal sealed class SeverityJsonConverter : JsonConverter<Severity>
{
    public override Severity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SeverityNames.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToName());
}

internal sealed class SubjectTypeJsonConverter : JsonConverter<SubjectType>
{
    public override SubjectType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SubjectTypeNames.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, SubjectType value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToName());
}
