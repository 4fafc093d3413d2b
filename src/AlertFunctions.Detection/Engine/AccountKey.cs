using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// An account id with a 128-bit fingerprint of its exact spelling (ids are compared ordinally), computed once per event.
/// Why: most account ids are not in the parser's small string pool, so each event brings a new string for its account,
/// and a table keyed by the string confirmed every hit by reading the stored key's characters too: a cache miss on a
/// string nothing else needs, 3% of a replay's samples. The fingerprint sits in the table's entry itself.
/// </summary>
/// <remarks>
/// Two different ids share a fingerprint with probability about 2^-128 per pair, as for <see cref="Watchlists.AddressKey"/>
/// and the fingerprints of event ids. The hash is seeded per process, so nobody who picks account ids can aim at one
/// bucket; the fingerprints are never persisted or compared across processes.
/// </remarks>
internal readonly struct AccountKey : IEquatable<AccountKey>
{
    private static readonly long Seed = FloodResistantSeed.New();
    private readonly ulong _low;
    private readonly ulong _high;

    public AccountKey(string accountId)
        : this(FingerprintOf(accountId))
    {
    }

    /// <param name="fingerprint">What <see cref="FingerprintOf"/> gave for the account id.</param>
    internal AccountKey(UInt128 fingerprint)
    {
        _low = unchecked((ulong)fingerprint);
        _high = unchecked((ulong)(fingerprint >> 64));
    }

    /// <summary>The key's fingerprint of <paramref name="accountId"/>, for a caller that keeps it apart from the id (see <see cref="Contract.WithdrawalEvent"/>).</summary>
    internal static UInt128 FingerprintOf(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return XxHash128.HashToUInt128(MemoryMarshal.AsBytes(accountId.AsSpan()), Seed);
    }

    public bool Equals(AccountKey other) => _low == other._low && _high == other._high;

    public override bool Equals(object? obj) => obj is AccountKey other && Equals(other);

    public override int GetHashCode() => unchecked((int)_low);
}
