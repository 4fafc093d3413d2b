namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>A thief's transfer made with a wallet's key: no account, valued by the producer like any withdrawal.</summary>
internal sealed record TheftLeg(string Id, string Wallet, string Chain, string Asset, decimal Units, decimal Usd, string To, DateTimeOffset At);
