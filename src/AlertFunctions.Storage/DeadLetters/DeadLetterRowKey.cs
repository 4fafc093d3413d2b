using System.Globalization;
using AlertFunctions.Storage.Tables;

namespace AlertFunctions.Storage.DeadLetters;

/// <summary>
/// Deterministic row keys, so a redelivered batch overwrites its rows instead of adding new ones:
/// <c>eh-{partition}-{sequence:D19}</c> when the Event Hubs position is known, followed by <c>-{enqueued ticks:D19}</c> when
/// the enqueued time is (a redelivery keeps it, while an event numbered again after the partition's numbering started over
/// does not share it), else <c>body-{sha256 of the raw body}</c>.
/// Overflow rows append <c>~{part:D2}</c>, which sorts right after their main row.
/// </summary>
internal static class DeadLetterRowKey
{
    public static string For(DeadLetter item) =>
        item.PartitionId is { } partitionId && item.SequenceNumber is { } sequenceNumber
            ? $"eh-{TableKey.Encode(partitionId)}-{sequenceNumber.ToString("D19", CultureInfo.InvariantCulture)}{EnqueuedSuffix(item.EnqueuedTime)}"
            : $"body-{KeyHash.Of(item.RawBody.Span)}";

    private static string EnqueuedSuffix(DateTimeOffset? enqueuedTime) =>
        enqueuedTime is { } time ? "-" + time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) : string.Empty;

    public static string Overflow(string mainRowKey, int part) =>
        $"{mainRowKey}~{part.ToString("D2", CultureInfo.InvariantCulture)}";
}
