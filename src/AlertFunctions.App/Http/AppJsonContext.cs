using System.Text.Json;
using System.Text.Json.Serialization;
using AlertFunctions.App.AlertsApi;
using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.App.Http;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(CamelCaseEnumConverter<AlertStatus>),
        typeof(CamelCaseEnumConverter<NotificationState>),
        typeof(CamelCaseEnumConverter<Severity>),
        typeof(CamelCaseEnumConverter<SubjectType>),
    ])]
[JsonSerializable(typeof(AlertView))]
[JsonSerializable(typeof(AlertListResponse))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
