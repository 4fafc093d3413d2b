namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>One of a platform's hot wallets as its customers use it: its chain, the assets it pays out, how busy it is.</summary>
internal sealed record HotWalletTraffic(string Wallet, string Chain, string[] Assets, double EventsPerHour = 40, double MedianUsd = 800);
