using System.Globalization;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.Tables;

/// <summary>
/// Stores bytes in binary properties named {prefix}0..{prefix}N of at most 64 KiB each (the service's property size limit),
/// with {prefix}Length beside them so a read can prove it got every byte back.
/// </summary>
internal static class BinaryChunks
{
    public const int ChunkSize = 64 * 1024;

    public static string LengthProperty(string prefix) => prefix + "Length";

    public static string ChunkProperty(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The chunks, numbered from 0, for callers that spread them over several entities.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Split(string prefix, ReadOnlySpan<byte> data)
    {
        var chunks = new List<KeyValuePair<string, byte[]>>((data.Length + ChunkSize - 1) / ChunkSize);
        for (int index = 0, offset = 0; offset < data.Length; index++, offset += ChunkSize)
        {
            var chunk = data.Slice(offset, Math.Min(ChunkSize, data.Length - offset)).ToArray();
            chunks.Add(new KeyValuePair<string, byte[]>(ChunkProperty(prefix, index), chunk));
        }

        return chunks;
    }

    public static void Write(TableEntity entity, string prefix, ReadOnlySpan<byte> data)
    {
        entity[LengthProperty(prefix)] = data.Length;
        foreach (var (name, chunk) in Split(prefix, data))
        {
            entity[name] = chunk;
        }
    }

    public static byte[] Read(TableEntity entity, string prefix)
    {
        var length = entity.GetInt32(LengthProperty(prefix))
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no {LengthProperty(prefix)} property.");
        return Read(prefix, length, entity.GetBinary, $"{entity.PartitionKey}/{entity.RowKey}");
    }

    /// <summary>Reassembles chunks found by name (possibly across entities); throws when one is missing or the sizes disagree.</summary>
    public static byte[] Read(string prefix, int length, Func<string, byte[]?> chunkByName, string description)
    {
        var result = new byte[length];
        var offset = 0;
        for (var index = 0; offset < length; index++)
        {
            var chunk = chunkByName(ChunkProperty(prefix, index));
            if (chunk is null || chunk.Length == 0 || chunk.Length > length - offset)
            {
                throw new InvalidDataException(
                    $"{description}: {ChunkProperty(prefix, index)} is missing or does not fit the declared {length} bytes.");
            }

            chunk.CopyTo(result, offset);
            offset += chunk.Length;
        }

        return result;
    }
}
