using AlertFunctions.Storage.Checkpoints;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.Logging;
using AlertFunctions.Storage.Tables;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertFunctions.Storage.Volume;

/// <summary>
/// The <c>dailyvolume</c> table: PartitionKey = day (yyyyMMdd), RowKey = escaped platform + ":" + escaped scope (the Event Hubs
/// partition that produced the counts). Each row remembers the last sequence number it counted and the latest enqueued time
/// with it, and counts only withdrawals past that position, so a replayed batch adds nothing, and neither does a redelivery cut
/// into other batches (a crash after this write but before the checkpoint): each withdrawal carries its own position, not only
/// its batch's. A withdrawal numbered at or below the row's but enqueued later is counted: the partition's numbering started
/// again (see <see cref="PartitionPosition"/>). The row also keeps where the numbering before its last restart ended, so a
/// retried list that ends the old numbering and starts the new one counts neither part again. Rows written before enqueued
/// times were recorded hold none until their next write.
/// </summary>
public sealed class DailyVolumeTableStore
{
    public const int MaxConcurrencyAttempts = 5;

    private const string LastSequenceNumberProperty = "LastSequenceNumber";
    private const string LastEnqueuedTimeProperty = "LastEnqueuedTime";
    private const string EndedSequenceNumberProperty = "EndedSequenceNumber";
    private const string EndedEnqueuedTimeProperty = "EndedEnqueuedTime";

    private readonly ProvisionedTable _table;
    private readonly ILogger _logger;

    public DailyVolumeTableStore(TableServiceClient service, AlertStorageOptions options, ILogger<DailyVolumeTableStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new ProvisionedTable(service, options.DailyVolumeTableName);
        _logger = logger ?? NullLogger<DailyVolumeTableStore>.Instance;
    }

    /// <summary>
    /// Adds one platform's withdrawals of a day from one scope, in partition order; those the row's position includes were
    /// counted before and are left out. Returns false (and changes nothing) when all were.
    /// </summary>
    public async Task<bool> AddAsync(
        DateOnly day, string platform, string scope, IReadOnlyList<SequencedWithdrawal> withdrawals, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(withdrawals);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partitionKey = DayKey.From(day);
        var rowKey = TableKey.Encode(platform) + ":" + TableKey.Encode(scope);

        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var current = existing.HasValue ? existing.Value! : null;
            var applied = current?.GetInt64(LastSequenceNumberProperty) is { } last
                ? new PartitionPosition(last, current.GetDateTimeOffset(LastEnqueuedTimeProperty))
                : (PartitionPosition?)null;
            var ended = current?.GetInt64(EndedSequenceNumberProperty) is { } endedLast && current.GetDateTimeOffset(EndedEnqueuedTimeProperty) is { } endedTime
                ? new PartitionPosition(endedLast, endedTime)
                : (PartitionPosition?)null;
            var (count, volumeUsd, unvalued, position, endedNow) = Unapplied(withdrawals, applied, ended);
            if (count == 0)
            {
                var appliedSequenceNumber = applied?.SequenceNumber ?? long.MinValue;
                _logger.DailyVolumeReplaySkipped(
                    platform, partitionKey, scope, withdrawals.Count == 0 ? appliedSequenceNumber : withdrawals[^1].SequenceNumber, appliedSequenceNumber);
                return false;
            }

            var entity = new TableEntity(partitionKey, rowKey)
            {
                ["Platform"] = platform,
                ["Scope"] = scope,
                ["Withdrawals"] = (current?.GetInt64("Withdrawals") ?? 0) + count,
                ["VolumeUsd"] = InvariantDecimal.Format(
                    (current?.GetString("VolumeUsd") is { } stored ? InvariantDecimal.Parse(stored) : 0m) + volumeUsd),
                ["Unvalued"] = (current?.GetInt64("Unvalued") ?? 0) + unvalued,
                [LastSequenceNumberProperty] = position.SequenceNumber,
            };
            if (position.EnqueuedTime is { } enqueued)
            {
                entity[LastEnqueuedTimeProperty] = enqueued;
            }

            if (endedNow is { EnqueuedTime: { } endedEnqueued } before)
            {
                entity[EndedSequenceNumberProperty] = before.SequenceNumber;
                entity[EndedEnqueuedTimeProperty] = endedEnqueued;
            }

            try
            {
                if (current is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException ex) when (ConcurrencyFailures.IsLostUpdate(ex) && attempt < MaxConcurrencyAttempts)
            {
                _logger.ConcurrentUpdateRetry(_table.Name, rowKey, attempt, MaxConcurrencyAttempts, ex);
            }
        }
    }

    // The position moves with each counted withdrawal, so a list that starts again part-way is judged against the new numbering.
    // Where the numbering before the last restart ended is kept too: a retry of a list that ends the old numbering and starts
    // the new one meets the old numbering's withdrawals again, numbered above the row's position but enqueued before it.
    private static (long Count, decimal VolumeUsd, long Unvalued, PartitionPosition Position, PartitionPosition? Ended) Unapplied(
        IReadOnlyList<SequencedWithdrawal> withdrawals, PartitionPosition? applied, PartitionPosition? ended)
    {
        long count = 0, unvalued = 0;
        var volume = 0m;
        var position = applied;
        foreach (var withdrawal in withdrawals)
        {
            if (position is { } reached && reached.Includes(withdrawal.SequenceNumber, withdrawal.EnqueuedTime))
            {
                continue;
            }

            if (ended is { } before && before.Includes(withdrawal.SequenceNumber, withdrawal.EnqueuedTime)
                && withdrawal.EnqueuedTime is { } enqueued && position?.EnqueuedTime is { } latest && enqueued <= latest)
            {
                continue;
            }

            if (position is { } restartedFrom && restartedFrom.StartsNumberingAgain(withdrawal.SequenceNumber, withdrawal.EnqueuedTime))
            {
                ended = restartedFrom;
            }

            count++;
            volume += withdrawal.Usd;
            unvalued += withdrawal.Valued ? 0 : 1;
            position = PartitionPosition.Advance(position, withdrawal.SequenceNumber, withdrawal.EnqueuedTime);
        }

        // Without a position nothing was counted, and nothing is written.
        return (count, volume, unvalued, position ?? default, ended);
    }

    /// <summary>Per-platform totals for the day, summed over scopes, ordered by platform.</summary>
    public async Task<IReadOnlyList<DailyVolumeTotal>> GetTotalsAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var totals = new Dictionary<string, (long Withdrawals, decimal VolumeUsd, long Unvalued)>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DayKey.From(day)}"), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            var platform = entity.GetString("Platform")
                ?? throw new InvalidDataException($"Daily volume row {entity.PartitionKey}/{entity.RowKey} has no Platform.");
            var (withdrawals, volume, unvalued) = totals.GetValueOrDefault(platform);
            totals[platform] = (
                withdrawals + (entity.GetInt64("Withdrawals") ?? 0),
                volume + InvariantDecimal.Parse(entity.GetString("VolumeUsd") ?? "0"),
                unvalued + (entity.GetInt64("Unvalued") ?? 0));
        }

        return totals
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new DailyVolumeTotal(t.Key, t.Value.Withdrawals, t.Value.VolumeUsd, t.Value.Unvalued))
            .ToList();
    }
}
