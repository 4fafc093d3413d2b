using Microsoft.Extensions.Logging;

namespace AlertFunctions.Teams.Tests.Fakes;

/// <summary>One log call or scope, with every way it could carry text: the formatted message, each structured value, the exception.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, IReadOnlyList<string> Values, string? Exception)
{
    public string AllText => string.Join('\n', [Category, Message, .. Values, Exception ?? string.Empty]);
}
