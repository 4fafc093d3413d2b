using System.Text;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Storage.Checkpoints;
using AlertFunctions.Storage.DeadLetters;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// Runs one batch through a partition's parser and engine, in arrival order, and collects what must be stored. No I/O: the
/// engine's in-memory state moves on here, which is why a batch that then fails to store must drop its session.
/// Events the checkpoint includes were applied before and are skipped; one numbered at or below it but enqueued later starts
/// a new numbering (<see cref="PartitionPosition"/>), and the checkpoint then moves back to the new numbers.
/// </summary>
internal sealed class BatchDetector(DetectionRules rules, TimeProvider timeProvider)
{
    public DetectedBatch Detect(PartitionSession session, IngestBatch batch)
    {
        var snapshot = session.Snapshot;
        var position = snapshot.LastSequenceNumber is { } checkpoint
            ? new PartitionPosition(checkpoint, snapshot.LastEnqueuedTime)
            : (PartitionPosition?)null;
        SequenceRestart? restart = null;
        var engine = session.Engine;
        var sink = new AlertChangeCollector();
        var deadLetters = new List<DeadLetter>();
        var volume = new DailyVolumeTally();
        var processed = 0;
        var skipped = 0;
        var duplicates = 0;
        List<UnvaluedAsset>? unvalued = null;

        foreach (var message in batch.Messages)
        {
            var sequenceNumber = message.SequenceNumber ?? throw new ArgumentException(
                $"Message {message.Index} of the batch from partition {batch.PartitionId} has no sequence number; the processor needs Event Hubs positions.",
                nameof(batch));
            if (position is { } reached)
            {
                if (reached.Includes(sequenceNumber, message.EnqueuedTime))
                {
                    skipped++;
                    continue;
                }

                if (restart is null && reached.StartsNumberingAgain(sequenceNumber, message.EnqueuedTime))
                {
                    restart = new SequenceRestart(reached.SequenceNumber, reached.EnqueuedTime, sequenceNumber, message.EnqueuedTime);
                }
            }

            position = PartitionPosition.Advance(position, sequenceNumber, message.EnqueuedTime);

            var body = Encoding.UTF8.GetBytes(message.Body);
            var parsed = session.Parser.Parse(body);
            if (!parsed.IsValid)
            {
                deadLetters.Add(new DeadLetter
                {
                    RawBody = body,
                    Reason = parsed.Rejection!,
                    PartitionId = batch.PartitionId,
                    SequenceNumber = sequenceNumber,
                    EnqueuedTime = message.EnqueuedTime,
                    DeadLetteredAt = timeProvider.GetUtcNow(),
                    Source = DeadLetterSources.EventHub,
                    Platform = NamedPlatform.Read(body),
                });
                continue;
            }

            var withdrawal = parsed.Value;
            var duplicatesBefore = engine.Counters.Duplicates;
            var internalBefore = engine.Counters.InternalTransfers;
            engine.Process(in withdrawal, sink);
            processed++;
            if (engine.Counters.Duplicates != duplicatesBefore)
            {
                // The same withdrawal delivered twice is one withdrawal: it adds nothing to the day's volume.
                duplicates++;
                continue;
            }

            if (engine.Counters.InternalTransfers != internalBefore)
            {
                // A transfer between the platform's own wallets (a refill, a sweep to cold) is not a withdrawal.
                continue;
            }

            var valued = rules.TryValueUsd(in withdrawal, out var usd);
            if (!valued)
            {
                CountUnvalued(session, withdrawal, ref unvalued);
            }

            volume.Add(withdrawal.Timestamp, withdrawal.Platform, sequenceNumber, message.EnqueuedTime, usd, valued);
        }

        return new DetectedBatch(batch.Messages.Count, processed, skipped, duplicates, deadLetters, sink.Changes, volume, position)
        {
            NewlyUnvalued = unvalued ?? [],
            Restart = restart,
        };
    }

    // Counted per pair first reported in this batch: the later batches of a session stay quiet about it.
    private static void CountUnvalued(PartitionSession session, in WithdrawalEvent withdrawal, ref List<UnvaluedAsset>? unvalued)
    {
        var pair = (withdrawal.Platform, withdrawal.Asset);
        var index = unvalued?.FindIndex(u => u.Platform == pair.Platform && u.Asset == pair.Asset) ?? -1;
        if (index >= 0)
        {
            unvalued![index] = unvalued[index] with { Events = unvalued[index].Events + 1 };
        }
        else if (session.UnvaluedReported.Count < DetectionEngine.MaxUnvaluedAssetsNamed && session.UnvaluedReported.Add(pair))
        {
            (unvalued ??= []).Add(new UnvaluedAsset(pair.Platform, pair.Asset, 1));
        }
    }
}
