using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// A withdrawal's transaction hash as the engine keeps it. The usual spelling, 64 lower-case hex digits with or without
/// <c>0x</c> (EVM chains, Bitcoin, Tron), is held as its 32 bytes inside the struct; any other spelling is held as the
/// string itself. Why: every event's hash is unique, so as a string it was a new 160-byte object per event (about half of
/// what parsing allocated), and the evidence each wallet keeps held thousands of them at once. The text is made again
/// only when it is read (an alert's evidence, a snapshot), exactly as the producer spelled it.
/// </summary>
internal readonly struct TransactionHash : IEquatable<TransactionHash>
{
    private const int Digits = 64;
    private const int PrefixedLength = Digits + 2;

    // Stand in for the text when the hash is held as bytes, and say whether it carried the prefix. Compared by reference,
    // so a producer's own "0x" or "" is never mistaken for them.
    private static readonly string Prefixed = new('x', 1);
    private static readonly string Bare = new('-', 1);

    private readonly string? _text;
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private TransactionHash(string text)
    {
        _text = text;
    }

    private TransactionHash(string form, ReadOnlySpan<byte> bytes)
    {
        _text = form;
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>No hash: the producer sent none.</summary>
    public bool IsNone => _text is null;

    /// <summary>The hash as <paramref name="text"/> spells it; none for null.</summary>
    public static TransactionHash From(string? text)
    {
        if (text is null)
        {
            return default;
        }

        Span<byte> utf8 = stackalloc byte[PrefixedLength];
        return text.Length is PrefixedLength or Digits
            && Ascii.FromUtf16(text, utf8, out var written) == OperationStatus.Done
            && TryCompact(utf8[..written], out var compact)
                ? compact
                : new TransactionHash(text);
    }

    /// <summary>The producer's spelling; null when none was sent. Allocates for a hash held as bytes.</summary>
    public override string? ToString()
    {
        if (_text is null || !IsCompact)
        {
            return _text;
        }

        return string.Create(Length, this, static (chars, hash) => hash.Write(chars));
    }

    public bool Equals(TransactionHash other) =>
        IsCompact || other.IsCompact
            ? ReferenceEquals(_text, other._text) && _a == other._a && _b == other._b && _c == other._c && _d == other._d
            : string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TransactionHash other && Equals(other);

    public override int GetHashCode() => IsCompact ? HashCode.Combine(_a, _b, _c, _d) : _text?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public static bool operator ==(TransactionHash left, TransactionHash right) => left.Equals(right);

    public static bool operator !=(TransactionHash left, TransactionHash right) => !left.Equals(right);

    private bool IsCompact => ReferenceEquals(_text, Prefixed) || ReferenceEquals(_text, Bare);

    private int Length => ReferenceEquals(_text, Prefixed) ? PrefixedLength : Digits;

    private void Write(Span<char> chars)
    {
        if (ReferenceEquals(_text, Prefixed))
        {
            chars[0] = '0';
            chars[1] = 'x';
            chars = chars[2..];
        }

        Span<byte> bytes = stackalloc byte[Digits / 2];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], _d);
        Convert.TryToHexStringLower(bytes, chars, out _);
    }

    /// <summary>
    /// The hash these UTF-8 bytes (unescaped) spell, held as bytes; false for any spelling but the usual one. Only lower-case
    /// digits: an upper-case or mixed spelling stays a string, so the text read back is always the one sent.
    /// </summary>
    public static bool TryCompact(ReadOnlySpan<byte> utf8, out TransactionHash hash)
    {
        hash = default;
        string form;
        if (utf8.Length == PrefixedLength && utf8[0] == (byte)'0' && utf8[1] == (byte)'x')
        {
            form = Prefixed;
            utf8 = utf8[2..];
        }
        else if (utf8.Length == Digits)
        {
            form = Bare;
        }
        else
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Digits / 2];
        // Upper-case digits would decode too; they are refused first so that the text made again is the one sent.
        if (utf8.ContainsAnyInRange((byte)'A', (byte)'F')
            || Convert.FromHexString(utf8, bytes, out _, out var written) != OperationStatus.Done
            || written != bytes.Length)
        {
            return false;
        }

        hash = new TransactionHash(form, bytes);
        return true;
    }
}
