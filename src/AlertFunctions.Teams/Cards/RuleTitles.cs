using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Teams.Cards;

/// <summary>Human titles for rule ids; an unknown id (a newer engine, a custom rule) is shown as the escaped id itself.</summary>
internal static class RuleTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [RuleIds.LargeWithdrawal] = "Large withdrawal",
        [RuleIds.RapidDrain] = "Rapid drain",
        [RuleIds.MultiAssetDrain] = "Multi-asset drain",
        [RuleIds.MixerUsage] = "Withdrawal to a mixer",
        [RuleIds.SanctionedDestination] = "Withdrawal to a sanctioned address",
        [RuleIds.Structuring] = "Structuring (split withdrawals)",
        [RuleIds.DestinationFanIn] = "Many sources paying one destination",
    };

    public static string For(string ruleId, int maxLength) =>
        Titles.TryGetValue(ruleId, out var title) ? title : CardText.Escape(ruleId, maxLength);
}
