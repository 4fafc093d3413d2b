namespace AlertFunctions.Storage.Checkpoints;

/// <summary>
/// How far one Event Hubs partition has been applied: the last sequence number, and the latest enqueued time among the events
/// applied since its numbering last started (null when not known: a position stored before it was recorded, or events that
/// came without one).
/// <para>
/// Within one numbering, enqueued times do not go backwards as sequence numbers grow. So an event at or below
/// <see cref="SequenceNumber"/> that was enqueued later than <see cref="EnqueuedTime"/> cannot be a redelivery: the numbering
/// started again from 0 (the hub was recreated, or the namespace failed over to its Geo-DR secondary), and the event is new.
/// </para>
/// </summary>
public readonly record struct PartitionPosition(long SequenceNumber, DateTimeOffset? EnqueuedTime)
{
    /// <summary>True when the event was applied before: at or below this position, and not enqueued after it.</summary>
    public bool Includes(long sequenceNumber, DateTimeOffset? enqueuedTime) =>
        sequenceNumber <= SequenceNumber && !StartsNumberingAgain(sequenceNumber, enqueuedTime);

    /// <summary>True when the event is numbered at or below this position but enqueued after it: the numbering started again.</summary>
    public bool StartsNumberingAgain(long sequenceNumber, DateTimeOffset? enqueuedTime) =>
        sequenceNumber <= SequenceNumber && EnqueuedTime is { } applied && enqueuedTime > applied;

    /// <summary>The position once the event, which <paramref name="position"/> does not include, is applied too; from nothing applied when null.</summary>
    public static PartitionPosition Advance(PartitionPosition? position, long sequenceNumber, DateTimeOffset? enqueuedTime) =>
        position?.After(sequenceNumber, enqueuedTime) ?? new PartitionPosition(sequenceNumber, enqueuedTime);

    /// <summary>The position once the event, which this position does not include, is applied too.</summary>
    public PartitionPosition After(long sequenceNumber, DateTimeOffset? enqueuedTime)
    {
        if (sequenceNumber <= SequenceNumber)
        {
            // The numbering started again: nothing of the old one bounds the new.
            return new PartitionPosition(sequenceNumber, enqueuedTime);
        }

        // The latest, not the last: should enqueued times ever step back, a redelivery must still not look newer than the
        // position. An event without one makes the time unknown: the earlier time says nothing about when it was enqueued.
        var latest = enqueuedTime is { } time && EnqueuedTime is { } applied && applied > time ? applied : enqueuedTime;
        return new PartitionPosition(sequenceNumber, latest);
    }
}
