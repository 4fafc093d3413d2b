using Microsoft.Extensions.Logging;

namespace AlertFunctions.Teams.Tests.Fakes;

/// <summary>Records everything at every level, scopes included (the default HttpClient logging puts the request URI in a scope).</summary>
internal sealed class CapturingLogger(string category, CapturingLoggerProvider provider) : ILogger
{
    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        provider.Add(new CapturedLogEntry(category, LogLevel.None, "scope: " + state, ValuesOf(state), null));
        return NoScope.Instance;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        provider.Add(new CapturedLogEntry(category, logLevel, formatter(state, exception), ValuesOf(state), exception?.ToString()));

    private static List<string> ValuesOf<TState>(TState state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? [.. pairs.Select(pair => $"{pair.Key}={pair.Value}")]
            : [];

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
