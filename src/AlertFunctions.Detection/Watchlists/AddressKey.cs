namespace AlertFunctions.Detection.Watchlists;

/// <summary>
/// An address with its <see cref="AddressComparer"/> hash computed once. The engine looks one event's addresses up in
/// several tables (watchlist, own wallets, internal wallets, destinations, wallets); hashing a 42-character address
/// case-insensitively was the largest single cost per event, so it is done once per address per event and carried.
/// Equality is the comparer's: EIP-55 and lower-case spellings of a hex address are the same key.
/// </summary>
public readonly struct AddressKey : IEquatable<AddressKey>
{
    private readonly int _hash;

    public AddressKey(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Value = address;
        _hash = AddressComparer.Instance.GetHashCode(address);
    }

    /// <summary>The address as the producer spelled it.</summary>
    public string Value { get; }

    public bool Equals(AddressKey other) => _hash == other._hash && AddressComparer.Instance.Equals(Value, other.Value);

    public override bool Equals(object? obj) => obj is AddressKey other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => Value;

    public static bool operator ==(AddressKey left, AddressKey right) => left.Equals(right);

    public static bool operator !=(AddressKey left, AddressKey right) => !left.Equals(right);
}
