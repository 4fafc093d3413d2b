using System.Text.Json.Serialization;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Notifications;
using AlertFunctions.Storage.Summaries;

namespace AlertFunctions.Storage.Serialization;

/// <summary>Source-generated JSON for the columns stored as JSON text and for queue messages: no reflection, trimming-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(AlertDetails))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(SummarySubject[]))]
[JsonSerializable(typeof(NotificationMessage))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
