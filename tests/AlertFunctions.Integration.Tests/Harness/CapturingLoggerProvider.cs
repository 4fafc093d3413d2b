using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.Integration.Tests.Harness;

/// <summary>Keeps every log entry of one app instance, so tests can check what operators would see (and what they must not).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void Add(CapturedLogEntry entry) => _entries.Enqueue(entry);

    public IReadOnlyList<CapturedLogEntry> WithEventId(int id) => [.. _entries.Where(e => e.EventId.Id == id)];

    public void Dispose()
    {
    }
}
