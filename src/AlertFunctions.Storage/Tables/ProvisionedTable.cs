using Azure.Data.Tables;

namespace AlertFunctions.Storage.Tables;

/// <summary>A table client whose table is created if missing before first use.</summary>
internal sealed class ProvisionedTable
{
    private readonly TableClient _client;
    private readonly OneTimeSetup _creation;

    public ProvisionedTable(TableServiceClient service, string tableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        _client = service.GetTableClient(tableName);
        _creation = new OneTimeSetup(async ct => await _client.CreateIfNotExistsAsync(ct).ConfigureAwait(false));
    }

    public string Name => _client.Name;

    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return _client;
    }
}
