using System.Globalization;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// The largest amounts the contract accepts. Far above anything real (the largest theft so far moved about 1.5 × 10^9 USD;
/// token supplies stop well short of 10^20 units), and low enough that the engine's checked decimal arithmetic cannot
/// overflow: a window would need more than 10^8 maximal withdrawals before its sum left the decimal range. Without them,
/// one absurd event (say 5 × 10^28) overflowed a window sum, and a poison event is worse than a refused one: it stopped
/// the replay and would fail its Event Hubs batch on every retry.
/// </summary>
public static class AmountLimits
{
    /// <summary>Largest <c>amount</c> and <c>balanceAfter</c>, in asset units: 10^20.</summary>
    public const decimal MaxAssetUnits = 100_000_000_000_000_000_000m;

    /// <summary>Largest <c>amountUsd</c>, and the most a reference price values one withdrawal at: 10^15 USD.</summary>
    public const decimal MaxUsd = 1_000_000_000_000_000m;

    /// <summary>A limit as refusal messages write it.</summary>
    internal static string Describe(decimal limit) => limit switch
    {
        MaxAssetUnits => "10^20",
        MaxUsd => "10^15",
        _ => limit.ToString(CultureInfo.InvariantCulture),
    };
}
