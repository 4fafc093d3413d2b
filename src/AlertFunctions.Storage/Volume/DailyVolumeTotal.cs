namespace AlertFunctions.Storage.Volume;

/// <summary>A platform's processed withdrawals and USD volume for one day, summed over all scopes.</summary>
public sealed record DailyVolumeTotal(string Platform, long Withdrawals, decimal VolumeUsd);
