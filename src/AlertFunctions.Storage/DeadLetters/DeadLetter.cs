using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Storage.DeadLetters;

/// <summary>
/// An event body that was refused, kept byte for byte with why and where it came from so it can be inspected and replayed.
/// <see cref="PartitionId"/> and <see cref="SequenceNumber"/> are known for Event Hubs deliveries and make the row idempotent.
/// </summary>
public sealed record DeadLetter
{
    public required ReadOnlyMemory<byte> RawBody { get; init; }
    public required EventRejection Reason { get; init; }
    public string? PartitionId { get; init; }
    public long? SequenceNumber { get; init; }
    public DateTimeOffset? EnqueuedTime { get; init; }
    public required DateTimeOffset DeadLetteredAt { get; init; }

    /// <summary>Where the body came from; see <see cref="DeadLetterSources"/>.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The platform the refused body names, when it names one (read best-effort: a body may be no JSON at all), so the
    /// daily summary can count a platform's own dead letters; null otherwise.
    /// </summary>
    public string? Platform { get; init; }
}
