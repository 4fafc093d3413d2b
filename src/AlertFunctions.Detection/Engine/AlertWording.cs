using System.Globalization;

namespace AlertFunctions.Detection.Engine;

/// <summary>Number formats for alert summaries: invariant culture, so summaries are byte-identical on every machine.</summary>
internal static class AlertWording
{
    public static string Usd(decimal value) => "$" + Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture);

    public static string Usd(double value) => double.IsFinite(value) ? Usd((decimal)value) : "n/a";

    public static string Amount(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    public static string Withdrawals(int count) => count == 1 ? "1 withdrawal" : count.ToString(CultureInfo.InvariantCulture) + " withdrawals";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>An expected count, to two decimals (a quiet wallet may expect 0.04).</summary>
    public static string Expected(double count) => count.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.#", CultureInfo.InvariantCulture) + "x" : "no history";

    public static string Duration(TimeSpan span) => span.TotalHours >= 1 && span.TotalMinutes % 60 == 0
        ? ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + " h"
        : ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min";

    /// <summary>A statistic (ratio, baseline) as an alert detail: two decimals, or null when it is not finite (no history).</summary>
    public static decimal? Round(double value) => double.IsFinite(value) ? Math.Round((decimal)value, 2) : null;
}
