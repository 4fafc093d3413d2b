using Azure.Data.Tables;

namespace AlertFunctions.Storage.Tables;

/// <summary>
/// Entity size arithmetic. <see cref="StoredBytes"/> follows the service's documented formula; <see cref="RequestBytesEstimate"/>
/// over-estimates the JSON sent (binary is Base64, strings UTF-8). Azure limits the first to 1 MiB, Azurite limits the JSON body
/// to 1 MiB, so <see cref="FitsOneRow"/> demands both: a row accepted by the emulator in tests is accepted in production.
/// </summary>
internal static class EntitySize
{
    public const int MaxRowBytes = 1024 * 1024;

    public static bool FitsOneRow(TableEntity entity) =>
        StoredBytes(entity) <= MaxRowBytes && RequestBytesEstimate(entity) <= MaxRowBytes;

    private const int RequestOverheadPerEntity = 512;
    private const int RequestOverheadPerProperty = 64;

    public static long StoredBytes(TableEntity entity)
    {
        long size = 4 + ((long)entity.PartitionKey.Length + entity.RowKey.Length) * 2;
        foreach (var (name, value) in entity)
        {
            if (IsSystemProperty(name))
            {
                continue;
            }

            size += 8 + (long)name.Length * 2 + value switch
            {
                string s => 4 + (long)s.Length * 2,
                byte[] b => 4 + b.Length,
                BinaryData d => 4 + d.ToMemory().Length,
                bool => 1,
                Guid => 16,
                int => 4,
                _ => 8,
            };
        }

        return size;
    }

    public static long RequestBytesEstimate(TableEntity entity)
    {
        long size = RequestOverheadPerEntity + ((long)entity.PartitionKey.Length + entity.RowKey.Length) * 3;
        foreach (var (name, value) in entity)
        {
            size += RequestOverheadPerProperty + (long)name.Length * 3 + value switch
            {
                string s => (long)s.Length * 3,
                byte[] b => Base64Length(b.Length),
                BinaryData d => Base64Length(d.ToMemory().Length),
                _ => 40,
            };
        }

        return size;
    }

    private static long Base64Length(int bytes) => ((bytes + 2L) / 3) * 4;

    private static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";
}
