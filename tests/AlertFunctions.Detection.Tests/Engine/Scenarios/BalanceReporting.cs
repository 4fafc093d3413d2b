namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>Whether a producer reports the source wallet's balance after each withdrawal.</summary>
public enum BalanceReporting
{
    EveryEvent,
    None,
}
