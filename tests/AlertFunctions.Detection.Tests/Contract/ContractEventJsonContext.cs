using System.Text.Json.Serialization;

namespace AlertFunctions.Detection.Tests.Contract;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContractEventDto))]
internal sealed partial class ContractEventJsonContext : JsonSerializerContext;
