using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertFunctions.App.Http;

/// <summary>Writes enum values camelCase (<c>sourceWallet</c>, <c>high</c>), the names the rest of the product uses.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
