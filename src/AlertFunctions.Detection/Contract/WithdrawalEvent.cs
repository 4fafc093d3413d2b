using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// One validated withdrawal (contract v1). Every instance that exists has passed <see cref="WithdrawalEventParser"/>:
/// <see cref="Amount"/> is positive, <see cref="Timestamp"/> is UTC, and the required strings are non-empty.
/// A struct so the detection hot path reads it by reference without allocating.
/// </summary>
/// <remarks>
/// Setting the event id, account or destination also makes the fingerprint detection keys it by (duplicate memory,
/// account and destination tables), so it is made where the event is built: in a replay that is the parsing thread,
/// which has just read the text, and the detecting thread never reads those strings for a known account or destination.
/// Each such read was a cache miss on a string another core had just written. The source wallet is keyed in detection:
/// it is one of a platform's few hot wallets, one string object from the parser's pool that stays in the detecting
/// core's cache, and hashing it there overlaps with the lookups' waits (made here, it cost parsing alone 40 ns per
/// event). Kept with the text they are made from, so <c>with</c> and equality cannot separate the two.
/// </remarks>
public readonly record struct WithdrawalEvent
{
    private readonly string _eventId;
    private readonly UInt128 _eventIdFingerprint;
    private readonly string? _accountId;
    private readonly UInt128 _accountFingerprint;
    private readonly string _destinationAddress;
    private readonly UInt128 _destinationFingerprint;

    public required string EventId
    {
        get => _eventId;
        init
        {
            _eventId = value;
            _eventIdFingerprint = RecentEventIds.Fingerprint(value);
        }
    }

    public required string Platform { get; init; }
    public PlatformType PlatformType { get; init; }
    public required string Chain { get; init; }
    public required string Asset { get; init; }
    public required decimal Amount { get; init; }

    /// <summary>The producer's valuation in USD; null when the producer did not send one.</summary>
    public decimal? AmountUsd { get; init; }

    public required string SourceWallet { get; init; }

    /// <summary>Source wallet balance after this withdrawal, in asset units; null when unknown.</summary>
    public decimal? BalanceAfter { get; init; }

    public string? AccountId
    {
        get => _accountId;
        init
        {
            _accountId = value;
            _accountFingerprint = value is null ? default : AccountKey.FingerprintOf(value);
        }
    }

    public required string DestinationAddress
    {
        get => _destinationAddress;
        init
        {
            _destinationAddress = value;
            _destinationFingerprint = AddressKey.FingerprintOf(value);
        }
    }

    /// <summary>The transaction hash as the producer spelled it; null when none was sent. Made on each read for a hash held as bytes (see <see cref="TransactionHash"/>).</summary>
    public string? TxHash
    {
        get => TxHashValue.ToString();
        init => TxHashValue = TransactionHash.From(value);
    }

    /// <summary>The transaction hash as the engine keeps it.</summary>
    internal TransactionHash TxHashValue { get; init; }

    /// <summary>Event time in UTC. All windows use this, never the wall clock.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    internal UInt128 EventIdFingerprint => _eventIdFingerprint;

    /// <summary>The account's key; meaningless when <see cref="AccountId"/> is null.</summary>
    internal AccountKey AccountKey => new(_accountFingerprint);

    internal AddressKey DestinationKey => new(_destinationAddress, _destinationFingerprint);
}
