using Azure.Data.Tables;

namespace AlertFunctions.Storage.Tables;

/// <summary>
/// Packs actions for one partition into entity group transactions within the service limits (100 entities, 4 MiB request).
/// A group (for example an item and its overflow rows) is never split across transactions.
/// </summary>
internal static class TransactionChunks
{
    public const int MaxActions = 100;

    /// <summary>Below the 4 MiB request limit, leaving room for the multipart framing the estimate does not see.</summary>
    public const long MaxRequestBytes = 3_500_000;

    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Split(
        IEnumerable<IReadOnlyList<TableTransactionAction>> groups, int maxActions = MaxActions, long maxRequestBytes = MaxRequestBytes)
    {
        var chunks = new List<IReadOnlyList<TableTransactionAction>>();
        var current = new List<TableTransactionAction>();
        long currentBytes = 0;
        foreach (var group in groups)
        {
            var groupBytes = group.Sum(a => EntitySize.RequestBytesEstimate(ToTableEntity(a)));
            if (group.Count > maxActions || groupBytes > maxRequestBytes)
            {
                throw new ArgumentException(
                    $"A group of {group.Count} rows (~{groupBytes} bytes) does not fit one transaction ({maxActions} rows, {maxRequestBytes} bytes).",
                    nameof(groups));
            }

            if (current.Count + group.Count > maxActions || currentBytes + groupBytes > maxRequestBytes)
            {
                chunks.Add(current);
                current = [];
                currentBytes = 0;
            }

            current.AddRange(group);
            currentBytes += groupBytes;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    private static TableEntity ToTableEntity(TableTransactionAction action) =>
        action.Entity as TableEntity ?? new TableEntity(action.Entity.PartitionKey, action.Entity.RowKey);
}
