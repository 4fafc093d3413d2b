using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Teams.Tests.Fakes;

/// <summary>An <see cref="ILoggerProvider"/> that keeps every entry in memory for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void Dispose()
    {
    }

    internal void Add(CapturedLogEntry entry) => _entries.Enqueue(entry);
}
