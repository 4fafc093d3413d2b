using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.Tables;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.Summaries;

/// <summary>
/// The <c>summaries</c> table: PartitionKey = day (yyyyMMdd), RowKey = escaped platform. Writes replace the whole row, so
/// re-running a day's summary overwrites it.
/// </summary>
public sealed class SummaryTableStore
{
    private readonly ProvisionedTable _table;

    public SummaryTableStore(TableServiceClient service, AlertStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new ProvisionedTable(service, options.SummariesTableName);
    }

    public async Task UpsertAsync(DailySummaryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.Platform, nameof(record));
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(SummaryEntityMapper.ToEntity(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The day's summaries, one per platform, ordered by platform.</summary>
    public async Task<IReadOnlyList<DailySummaryRecord>> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<DailySummaryRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DayKey.From(day)}"), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            records.Add(SummaryEntityMapper.FromEntity(entity));
        }

        return records.OrderBy(r => r.Platform, StringComparer.Ordinal).ToList();
    }
}
