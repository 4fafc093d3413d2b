using AlertFunctions.App.Summaries;
using AlertFunctions.Detection.Alerts;
using AlertFunctions.Storage.Alerts;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Storage.Summaries;
using AlertFunctions.Storage.Volume;

namespace AlertFunctions.App.Tests.Summaries;

public sealed class DailySummaryCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 3, 14);
    private static readonly DateTimeOffset GeneratedAt = new(2026, 3, 15, 0, 5, 0, TimeSpan.Zero);
    private static readonly DeadLetterCounts NoDeadLetters = new(new Dictionary<string, long>(), 0);

    [Fact]
    public void Calculate_VolumeOnlyAndAlertOnlyPlatforms_EachGetsASummaryInPlatformOrder()
    {
        var records = DailySummaryCalculator.Calculate(
            Day,
            [new DailyVolumeTotal("quiet-exchange", 120, 45_000.25m, Unvalued: 7)],
            [StoredAlertFactory.Create("a1", "alerting-dex", RuleIds.MixerUsage, Severity.High, "0xw1", 10_000m)],
            new DeadLetterCounts(new Dictionary<string, long> { ["quiet-exchange"] = 3 }, WithoutPlatform: 4),
            GeneratedAt);

        Assert.Equal(["alerting-dex", "quiet-exchange"], records.Select(r => r.Platform));
        Assert.Equal((0L, 0m, 1), (records[0].Withdrawals, records[0].VolumeUsd, records[0].AlertsByRule.Count));
        Assert.Equal((120L, 45_000.25m, 7L), (records[1].Withdrawals, records[1].VolumeUsd, records[1].UnvaluedWithdrawals));
        Assert.Empty(records[1].AlertsByRule);
        Assert.Empty(records[1].AlertsBySeverity);
        Assert.Empty(records[1].TopSubjects);
        Assert.All(records, r => Assert.Equal((Day, 4L, GeneratedAt, (DateTimeOffset?)null), (r.Day, r.DeadLetteredWithoutPlatform, r.GeneratedAt, r.PostedAt)));
        Assert.Equal((0L, 3L), (records[0].DeadLettered, records[1].DeadLettered));
    }

    [Fact]
    public void Calculate_SeveralAlerts_CountsByRuleAndSeverityAndUndelivered()
    {
        var record = Assert.Single(DailySummaryCalculator.Calculate(
            Day,
            [],
            [
                StoredAlertFactory.Create("a1", "x", RuleIds.RapidDrain, Severity.Critical, "0xw1", 1m, NotificationState.Pending),
                StoredAlertFactory.Create("a2", "x", RuleIds.RapidDrain, Severity.High, "0xw2", 1m, NotificationState.Failed),
                StoredAlertFactory.Create("a3", "x", RuleIds.LargeWithdrawal, Severity.High, "0xw3", 1m),
            ],
            NoDeadLetters,
            GeneratedAt));

        Assert.Equal(new Dictionary<string, int> { [RuleIds.RapidDrain] = 2, [RuleIds.LargeWithdrawal] = 1 }, record.AlertsByRule);
        Assert.Equal(new Dictionary<string, int> { ["critical"] = 1, ["high"] = 2 }, record.AlertsBySeverity);
        Assert.Equal(2L, record.UndeliveredNotifications);
    }

    [Fact]
    public void Calculate_SubjectWithSeveralAlerts_RankedOnceByItsLargestAlertTopFive()
    {
        var alerts = new List<StoredAlert>
        {
            StoredAlertFactory.Create("w1-large", "x", RuleIds.LargeWithdrawal, Severity.High, "0xw1", 9_000_000m),
            StoredAlertFactory.Create("w1-drain", "x", RuleIds.RapidDrain, Severity.Critical, "0xw1", 12_000_000m),
        };
        alerts.AddRange(Enumerable.Range(2, 6).Select(i => StoredAlertFactory.Create($"w{i}", "x", RuleIds.RapidDrain, Severity.High, $"0xw{i}", i * 1_000_000m)));

        var record = Assert.Single(DailySummaryCalculator.Calculate(Day, [], alerts, NoDeadLetters, GeneratedAt));

        Assert.Equal(
            [
                new SummarySubject("0xw1", "sourceWallet", RuleIds.RapidDrain, 12_000_000m, "w1-drain"),
                new SummarySubject("0xw7", "sourceWallet", RuleIds.RapidDrain, 7_000_000m, "w7"),
                new SummarySubject("0xw6", "sourceWallet", RuleIds.RapidDrain, 6_000_000m, "w6"),
                new SummarySubject("0xw5", "sourceWallet", RuleIds.RapidDrain, 5_000_000m, "w5"),
                new SummarySubject("0xw4", "sourceWallet", RuleIds.RapidDrain, 4_000_000m, "w4"),
            ],
            record.TopSubjects);
    }

    [Fact]
    public void Calculate_SubjectWhoseAlertNothingValued_ListedAfterTheTopFiveInsteadOfRankedOut()
    {
        // A drain of tokens without a price carries no USD amount: ranked by USD it would always fall out of the top five.
        var alerts = Enumerable.Range(1, 6).Select(i => StoredAlertFactory.Create($"w{i}", "x", RuleIds.RapidDrain, Severity.High, $"0xw{i}", i * 1_000_000m)).ToList();
        alerts.Add(StoredAlertFactory.Create("unpriced", "x", RuleIds.MultiAssetDrain, Severity.Critical, "x", 0m));

        var record = Assert.Single(DailySummaryCalculator.Calculate(Day, [], alerts, NoDeadLetters, GeneratedAt));

        Assert.Equal(["w6", "w5", "w4", "w3", "w2", "unpriced"], record.TopSubjects.Select(s => s.AlertId));
    }

    [Fact]
    public void Calculate_PlatformWithOnlyDeadLetters_GetsASummary()
    {
        var records = DailySummaryCalculator.Calculate(
            Day, [], [], new DeadLetterCounts(new Dictionary<string, long> { ["broken-producer"] = 12 }, WithoutPlatform: 0), GeneratedAt);

        var record = Assert.Single(records);
        Assert.Equal(("broken-producer", 0L, 12L), (record.Platform, record.Withdrawals, record.DeadLettered));
    }
}
