namespace AlertFunctions.App.Tests.Metadata;

/// <summary>An exponential-backoff retry policy as function metadata states it.</summary>
internal sealed record ExpectedRetry(int MaxRetryCount, TimeSpan MinimumInterval, TimeSpan MaximumInterval);
