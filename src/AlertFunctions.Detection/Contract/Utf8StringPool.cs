using System.Text;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// Interns short, repeating UTF-8 values (platform, chain, asset, wallet, account, destination) so that parsing a stream of
/// events allocates a string only the first time a value is seen. Looked up by the UTF-8 bytes themselves (no transcoding);
/// the hash is <see cref="HashCode"/>'s per-process randomized one, so crafted values cannot force collisions.
/// Bounded: when <see cref="Capacity"/> distinct values are held the pool is cleared, so memory stays bounded by the
/// working set, not by the stream's length. Not thread-safe: one pool per parser.
/// </summary>
public sealed class Utf8StringPool
{
    private const int MaxPooledLength = 128;
    private Entry[] _buckets;
    private int _count;

    public Utf8StringPool(int capacity = 50_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        Capacity = capacity;
        _buckets = new Entry[256];
    }

    public int Capacity { get; }

    public int Count => _count;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = Hash(utf8);
        var mask = _buckets.Length - 1;
        var slot = hash & mask;
        while (_buckets[slot].Value is { } value)
        {
            if (_buckets[slot].Hash == hash && utf8.SequenceEqual(_buckets[slot].Utf8))
            {
                return value;
            }

            slot = (slot + 1) & mask;
        }

        if (_count >= Capacity)
        {
            Array.Clear(_buckets);
            _count = 0;
            slot = hash & mask;
        }

        var created = Encoding.UTF8.GetString(utf8);
        _buckets[slot] = new Entry(hash, utf8.ToArray(), created);
        if (++_count * 2 > _buckets.Length)
        {
            Grow();
        }

        return created;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Grow()
    {
        var old = _buckets;
        _buckets = new Entry[old.Length * 2];
        var mask = _buckets.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Value is null)
            {
                continue;
            }

            var slot = entry.Hash & mask;
            while (_buckets[slot].Value is not null)
            {
                slot = (slot + 1) & mask;
            }

            _buckets[slot] = entry;
        }
    }

    private readonly record struct Entry(int Hash, byte[] Utf8, string? Value);
}
