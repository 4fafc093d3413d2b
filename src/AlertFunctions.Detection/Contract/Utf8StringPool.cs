using System.Text;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// Interns short, repeating UTF-8 values (platform, chain, asset, wallet, account, destination) so that parsing a stream of
/// events allocates a string only the first time a value is seen. Bounded: when <see cref="Capacity"/> distinct values are
/// held the pool is cleared, so memory stays bounded by the working set, not by the stream's length.
/// Not thread-safe: one pool per parser.
/// </summary>
public sealed class Utf8StringPool
{
    private const int MaxPooledLength = 128;
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8StringPool(int capacity = 200_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        Capacity = capacity;
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    public int Count => _values.Count;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxPooledLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var span = chars[..length];
        if (_lookup.TryGetValue(span, out var existing))
        {
            return existing;
        }

        if (_values.Count >= Capacity)
        {
            _values.Clear();
        }

        var created = span.ToString();
        _values.Add(created, created);
        return created;
    }
}
