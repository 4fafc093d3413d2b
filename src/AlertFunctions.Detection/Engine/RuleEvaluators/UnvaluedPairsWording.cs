using System.Globalization;
using System.Text;
using AlertFunctions.Detection.Rules;

namespace AlertFunctions.Detection.Engine.RuleEvaluators;

/// <summary>
/// The summary of a <c>multi-asset-drain</c> finding that counts pairs nothing valued in USD: a responder must read their
/// amounts as asset units, and see for each why it counted (the share of the balance it took, or how far above the pair's
/// usual withdrawal in units it was). Built only when the alert is reported.
/// </summary>
internal static class UnvaluedPairsWording
{
    /// <summary>How many unvalued pairs the summary names; the rest are counted.</summary>
    private const int MaxNamed = 5;

    public static string Summary(in EventContext c, MultiAssetDrainSettings s, int keys, int assets, decimal usd, int unvalued, PlatformState.DrainingKey[] drained, DateTimeOffset from)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{c.Event.Platform}: {keys} wallet/asset pairs ({assets} assets) each lost funds abnormally within {s.WindowMinutes} min; ")
            .Append(CultureInfo.InvariantCulture, $"{unvalued} of them in assets without any USD value (no amountUsd, no reference price, no priced withdrawal of them in 12 h), judged in asset units, not USD:");
        // The first pairs taken, in time order: where the drain started.
        var recent = drained.Where(k => k.IsUnvalued && k.Time >= from).OrderBy(k => k.Time).ThenBy(k => k.Asset, StringComparer.Ordinal).ToList();
        foreach (var key in recent.Take(MaxNamed))
        {
            text.Append(' ').Append(key.Asset).Append(": ");
            if (key.Leg is { } leg)
            {
                text.Append(AlertWording.Amount(leg.Units)).Append(" units to ").Append(leg.Destination).Append(", first paid within 12 h, ").Append(Why(leg)).Append(';');
            }
            else
            {
                // Restored from a snapshot written before the leg was kept: the pair still counts.
                text.Append("counted before a restart;");
            }
        }

        if (recent.Count > MaxNamed)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {recent.Count - MaxNamed} more;");
        }

        text.Append(CultureInfo.InvariantCulture,
            $" valued pairs {AlertWording.Usd(usd)} (threshold {s.MinKeys} pairs, with {AlertWording.Usd(s.MinUsd)} valued or {s.MinKeys} without a USD value); latest {c.Event.Asset} from {c.Event.SourceWallet}.");
        return text.ToString();
    }

    private static string Why(UnvaluedLeg leg)
    {
        var emptied = leg.EmptiedShare > 0 ? $"took {AlertWording.Percent(leg.EmptiedShare)} of the pair's balance" : null;
        var outsized = leg.UsualMultiple > 0 ? $"{AlertWording.Ratio(leg.UsualMultiple)} the pair's usual withdrawal in units" : null;
        return emptied is not null && outsized is not null ? $"{emptied}, {outsized}" : emptied ?? outsized!;
    }
}
