namespace AlertFunctions.Storage.Volume;

/// <summary>
/// A platform's processed withdrawals and USD volume for one day, summed over all scopes. <see cref="Unvalued"/> of the
/// withdrawals had no USD value (no amountUsd, no reference price) and add nothing to <see cref="VolumeUsd"/>.
/// </summary>
public sealed record DailyVolumeTotal(string Platform, long Withdrawals, decimal VolumeUsd, long Unvalued = 0);
