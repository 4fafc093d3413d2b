namespace AlertFunctions.Detection.Contract;

/// <summary>
/// One validated withdrawal (contract v1). Every instance that exists has passed <see cref="WithdrawalEventParser"/>:
/// <see cref="Amount"/> is positive, <see cref="Timestamp"/> is UTC, and the required strings are non-empty.
/// A struct so the detection hot path reads it by reference without allocating.
/// </summary>
public readonly record struct WithdrawalEvent
{
    public required string EventId { get; init; }
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

    public string? AccountId { get; init; }
    public required string DestinationAddress { get; init; }
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
}
