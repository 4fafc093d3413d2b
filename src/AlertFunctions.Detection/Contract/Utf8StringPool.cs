using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// Interns short, repeating UTF-8 values (platform, chain, asset, wallet, account, destination) so that parsing a stream of
/// events allocates a string only the first time a value is seen. Looked up by the UTF-8 bytes themselves (no transcoding).
/// The hash is XxHash3 with a per-process random seed, so crafted values cannot force collisions. An ASCII value (every
/// address and id in practice) is compared with the pooled string itself, so an entry is one string and a lookup touches
/// no second object; other values keep their bytes beside the string.
/// Bounded: when <see cref="Capacity"/> distinct values are held the pool is cleared, so memory stays bounded by the
/// working set, not by the stream's length. Not thread-safe: one pool per parser.
/// </summary>
public sealed class Utf8StringPool
{
    private const int MaxPooledLength = 128;
    private static readonly long Seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));
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
            if (_buckets[slot].Hash == hash && _buckets[slot].Holds(utf8))
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
        _buckets[slot] = new Entry(hash, created, Ascii.IsValid(utf8) ? null : utf8.ToArray());
        if (++_count * 2 > _buckets.Length)
        {
            Grow();
        }

        return created;
    }

    private static int Hash(ReadOnlySpan<byte> utf8) => unchecked((int)XxHash3.HashToUInt64(utf8, Seed)) & int.MaxValue;

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

    /// <param name="NonAsciiUtf8">The value's bytes when it is not ASCII; null for ASCII, compared with <paramref name="Value"/>.</param>
    private readonly record struct Entry(int Hash, string? Value, byte[]? NonAsciiUtf8)
    {
        public bool Holds(ReadOnlySpan<byte> utf8) => NonAsciiUtf8 is { } bytes
            ? utf8.SequenceEqual(bytes)
            : Ascii.Equals(utf8, Value);
    }
}
