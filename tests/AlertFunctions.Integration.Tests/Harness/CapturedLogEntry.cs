using Microsoft.Extensions.Logging;

namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>One log call as the app made it: the rendered message and the structured values behind its placeholders.</summary>
internal sealed record CapturedLogEntry(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyDictionary<string, object?> Values,
    Exception? Exception)
{
    public T Value<T>(string name) => (T)Values[name]!;
}
