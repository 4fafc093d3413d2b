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
}
