using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Detection.Rules;

/// <summary>
/// Upper bounds for the rules file's USD amounts and multiples. The rules multiply learned baselines by these and convert
/// between double and decimal; without a bound, a typo such as a baseline multiple of 1e30 passed validation and then
/// overflowed inside detection on the first warm baseline. USD settings stop at the contract's largest value
/// (<see cref="AmountLimits.MaxUsd"/>), multiples at a million.
/// </summary>
internal static class SettingBounds
{
    public const double MaxMultiple = 1_000_000;

    public static IEnumerable<string> Usd(params (string Name, decimal Value)[] settings) =>
        settings.Where(s => s.Value > AmountLimits.MaxUsd).Select(s => $"{s.Name} must be at most {AmountLimits.Describe(AmountLimits.MaxUsd)}, was {s.Value}");

    // "not at most" rather than "greater than", so NaN is refused too.
    public static IEnumerable<string> Multiples(params (string Name, double Value)[] settings) =>
        settings.Where(s => !(s.Value <= MaxMultiple)).Select(s => $"{s.Name} must be at most {MaxMultiple}, was {s.Value}");
}
