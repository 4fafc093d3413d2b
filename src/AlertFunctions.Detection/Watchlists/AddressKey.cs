using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace AlertFunctions.Detection.Watchlists;

/// <summary>
/// An address with a 128-bit fingerprint of its spelling, upper-cased where <see cref="AddressComparer"/> ignores case,
/// computed once. The engine looks one event's addresses up in five tables (watchlist, own wallets, internal wallets,
/// destinations, wallets); comparing keys by the address strings themselves cost each lookup a cache miss on the stored
/// string and a case-insensitive comparison that first had to decide again whether the address's form is
/// case-insensitive. Equality is the fingerprints', and agrees with the comparer's (a test holds the two together over
/// hex, bech32, base58 and non-ASCII spellings): EIP-55 and lower-case spellings of a hex address are the same key.
/// </summary>
/// <remarks>
/// Two different addresses share a fingerprint with probability about 2^-128 per pair (the precedent is
/// <c>RecentEventIds</c>'s fingerprints of event ids): with a million addresses held, a new one is mistaken for one of
/// them about once in 10^32 lookups. The hash is seeded per process, so nobody who chooses withdrawal addresses can aim
/// at one dictionary bucket; the fingerprints are never persisted or compared across processes.
/// </remarks>
public readonly struct AddressKey : IEquatable<AddressKey>
{
    // Longer addresses (no chain has one) are case-folded into a new string rather than on the stack.
    private const int StackChars = 128;
    private static readonly long Seed = FloodResistantSeed.New();
    private readonly ulong _low;
    private readonly ulong _high;

    public AddressKey(string address)
        : this(address, FingerprintOf(address))
    {
    }

    /// <param name="fingerprint">What <see cref="FingerprintOf"/> gave for <paramref name="address"/>.</param>
    internal AddressKey(string address, UInt128 fingerprint)
    {
        Value = address;
        _low = unchecked((ulong)fingerprint);
        _high = unchecked((ulong)(fingerprint >> 64));
    }

    /// <summary>The address as the producer spelled it.</summary>
    public string Value { get; }

    public bool Equals(AddressKey other) => _low == other._low && _high == other._high;

    public override bool Equals(object? obj) => obj is AddressKey other && Equals(other);

    public override int GetHashCode() => unchecked((int)_low);

    public override string ToString() => Value;

    public static bool operator ==(AddressKey left, AddressKey right) => left.Equals(right);

    public static bool operator !=(AddressKey left, AddressKey right) => !left.Equals(right);

    /// <summary>The key's fingerprint of <paramref name="address"/>, for a caller that keeps it apart from the address (see <see cref="Contract.WithdrawalEvent"/>).</summary>
    internal static UInt128 FingerprintOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return AddressComparer.IsCaseInsensitiveForm(address) ? CaseInsensitiveFingerprint(address) : Fingerprint(address);
    }

    private static UInt128 Fingerprint(ReadOnlySpan<char> spelling) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(spelling), Seed);

    private static UInt128 CaseInsensitiveFingerprint(string address)
    {
        if (address.Length > StackChars)
        {
            return Fingerprint(address.ToUpperInvariant());
        }

        Span<char> upper = stackalloc char[StackChars];
        // Addresses are ASCII: its vectorized case mapping gives what the invariant one would, which (with invariant
        // globalization, as the native tool runs) maps char by char and cost 4% of a replay's samples.
        if (Ascii.ToUpper(address, upper, out var written) != OperationStatus.Done)
        {
            written = address.AsSpan().ToUpperInvariant(upper);
        }

        return Fingerprint(upper[..written]);
    }
}
