using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.Tables;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.DeadLetters;

/// <summary>
/// The <c>deadletters</c> table: PartitionKey = UTC day it was enqueued in Event Hubs, else dead-lettered (yyyyMMdd), RowKey deterministic (see
/// <see cref="DeadLetterRowKey"/>) and written with upsert, so a redelivered batch on the same day leaves one row per event.
/// Storage errors propagate so the caller's batch fails and is retried.
/// </summary>
public sealed class DeadLetterTableStore
{
    private readonly ProvisionedTable _table;

    public DeadLetterTableStore(TableServiceClient service, AlertStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new ProvisionedTable(service, options.DeadLettersTableName);
    }

    public Task AddAsync(DeadLetter item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return AddManyAsync([item], cancellationToken);
    }

    /// <summary>Writes items in entity group transactions per day, in chunks within the service's 100-row and 4 MiB limits.</summary>
    public async Task AddManyAsync(IReadOnlyCollection<DeadLetter> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        // The day of the Event Hubs enqueued time when known: a redelivery after midnight must overwrite the row it wrote
        // before, not add a second one on the next day.
        foreach (var day in items.GroupBy(i => DayKey.From(i.EnqueuedTime ?? i.DeadLetteredAt), StringComparer.Ordinal))
        {
            // The same event twice in one call would put one row key twice in a transaction, which the service rejects.
            var groups = day
                .GroupBy(DeadLetterRowKey.For, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<TableTransactionAction>)DeadLetterEntityMapper.ToEntities(g.Last(), day.Key, g.Key)
                    .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
                    .ToList());

            foreach (var chunk in TransactionChunks.Split(groups))
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<long> CountByDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        (await CountByDayAndPlatformAsync(day, cancellationToken).ConfigureAwait(false)).Total;

    /// <summary>The day's dead letters counted per platform they name, and those naming none.</summary>
    public async Task<DeadLetterCounts> CountByDayAndPlatformAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DayKey.From(day)} and Part eq {0}");
        var byPlatform = new Dictionary<string, long>(StringComparer.Ordinal);
        long withoutPlatform = 0;
        var select = new[] { "RowKey", DeadLetterEntityMapper.PlatformProperty };
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(DeadLetterEntityMapper.PlatformProperty) is { Length: > 0 } platform)
            {
                byPlatform[platform] = byPlatform.GetValueOrDefault(platform) + 1;
            }
            else
            {
                withoutPlatform++;
            }
        }

        return new DeadLetterCounts(byPlatform, withoutPlatform);
    }

    /// <summary>The day's dead letters with their raw bodies reassembled, in the order they were dead-lettered.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DayKey.From(day)}"), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows[entity.RowKey] = entity;
        }

        return rows.Values
            .Where(DeadLetterEntityMapper.IsMain)
            .Select(main => DeadLetterEntityMapper.FromEntities(main, rows))
            .OrderBy(d => d.DeadLetteredAt)
            .ThenBy(d => d.PartitionId, StringComparer.Ordinal)
            .ThenBy(d => d.SequenceNumber)
            .ToList();
    }
}
