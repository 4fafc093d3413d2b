using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;

namespace AlertFunctions.Detection.Tests.Engine;

/// <summary>What an engine allocates for each of some events, for tests that hold a path to allocating nothing.</summary>
internal static class AllocatingEvents
{
    /// <summary>
    /// Processes the events in order and names each that allocated on this thread, with its bytes. Measured per event: the
    /// loop around them may itself be recompiled by the runtime, which allocates on this thread too.
    /// </summary>
    public static List<string> Of(DetectionEngine engine, IEnumerable<WithdrawalEvent> events, IAlertSink sink)
    {
        var allocating = new List<string>();
        foreach (var e in events)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            engine.Process(e, sink);
            if (GC.GetAllocatedBytesForCurrentThread() - before is var bytes and > 0)
            {
                allocating.Add($"{e.EventId}: {bytes} B");
            }
        }

        return allocating;
    }

    /// <summary>
    /// The events that allocated in each of <paramref name="runs"/> identical runs of a scenario, by event id (each run
    /// returns <see cref="Of"/>'s list). The engine is deterministic, so what it allocates for an event it allocates in
    /// every run; what the runtime allocates on the measuring thread now and then (seen once in a full test run, not
    /// again alone) does not repeat, and must not fail a test that holds a path to allocating nothing.
    /// </summary>
    public static List<string> InEveryRunOf(int runs, Func<List<string>> run)
    {
        var first = run();
        var inEvery = first.Select(IdOf).ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i < runs && inEvery.Count > 0; i++)
        {
            inEvery.IntersectWith(run().Select(IdOf));
        }

        return first.Where(entry => inEvery.Contains(IdOf(entry))).ToList();

        static string IdOf(string entry) => entry[..entry.LastIndexOf(": ", StringComparison.Ordinal)];
    }
}
