namespace AlertFunctions.SampleData;

/// <summary>One synthetic withdrawal in contract v1, before serialization. <see cref="AmountUsd"/> null means "let the reference price value it".</summary>
public sealed record SampleEvent(
    string EventId,
    string Platform,
    string PlatformType,
    string Chain,
    string Asset,
    decimal Amount,
    decimal? AmountUsd,
    string SourceWallet,
    decimal? BalanceAfter,
    string? AccountId,
    string DestinationAddress,
    string TxHash,
    DateTimeOffset Timestamp,
    string? Scenario);
