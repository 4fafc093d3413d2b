namespace AlertFunctions.Detection.Tests.Contract;

/// <summary>A contract v1 event as a producer would serialize it; the property tests write it with System.Text.Json.</summary>
internal sealed record ContractEventDto(
    string EventId,
    string Platform,
    string? PlatformType,
    string Chain,
    string Asset,
    decimal Amount,
    decimal? AmountUsd,
    string SourceWallet,
    decimal? BalanceAfter,
    string? AccountId,
    string DestinationAddress,
    string? TxHash,
    DateTimeOffset Timestamp);
