using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using AlertFunctions.Storage.DetectorState;
using Microsoft.Extensions.Logging;

namespace AlertFunctions.App.Ingestion;

/// <summary>Starts a partition's session from its saved detector state: what a new instance, or one that lost its session, does first.</summary>
internal sealed partial class PartitionSessionFactory(
    DetectorStateStore states,
    DetectionRules rules,
    Watchlist watchlist,
    TimeProvider timeProvider,
    ILogger<PartitionSessionFactory> logger)
{
    public static string ScopeOf(string partitionId) => "partition-" + partitionId;

    public async Task<PartitionSession> CreateAsync(string partitionId, CancellationToken cancellationToken)
    {
        var scope = ScopeOf(partitionId);
        var snapshot = await states.LoadAsync(scope, cancellationToken).ConfigureAwait(false);
        var engine = new DetectionEngine(rules, watchlist) { TrackChanges = true };
        var entries = snapshot.Entries;
        var unreadable = engine.Import(entries);
        LogSessionLoaded(partitionId, entries.Count, snapshot.Generation, snapshot.LastSequenceNumber);
        if (unreadable.Count > 0)
        {
            LogUnreadableState(partitionId, unreadable.Count, entries.Count, unreadable[0].Key, unreadable[0].Reason);
        }

        if (snapshot.HasInterruptedSave)
        {
            // The store read the rows a half-finished save wrote as they were before it, so the retry applies that batch once.
            LogInterruptedSave(partitionId, snapshot.InterruptedSequenceNumber);
        }

        return new PartitionSession(scope, engine, new WithdrawalEventParser(clock: timeProvider), snapshot);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information,
        Message = "Loaded detector state of partition {PartitionId}: {EntryCount} entries, generation {Generation}, checkpoint {LastSequenceNumber}")]
    private partial void LogSessionLoaded(string partitionId, int entryCount, long generation, long? lastSequenceNumber);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error,
        Message = "Partition {PartitionId}: {UnreadableCount} of {EntryCount} detector state entries could not be read and start afresh, without their learned baselines " +
            "(first: {Key}: {Reason}); detection goes on, with cold-start floors for those keys until they have learned again")]
    private partial void LogUnreadableState(string partitionId, int unreadableCount, int entryCount, string key, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning,
        Message = "Partition {PartitionId} resumes after an interrupted detector-state save (batch ending at {InterruptedSequenceNumber}); that batch is applied again to the state before it")]
    private partial void LogInterruptedSave(string partitionId, long? interruptedSequenceNumber);
}
