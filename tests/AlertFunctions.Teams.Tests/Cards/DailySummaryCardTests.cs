using AlertFunctions.Teams.Cards;
using Xunit;

namespace AlertFunctions.Teams.Tests.Cards;

public sealed class DailySummaryCardTests
{
    private static readonly HashSet<string> AllowedTypes =
        ["AdaptiveCard", "TextBlock", "FactSet", "ColumnSet", "Column", "Container", "Action.OpenUrl"];

    [Fact]
    public void Build_Summary_IsAnAdaptiveCard15MessageWithAllowedElementsOnly()
    {
        var payload = new DailySummaryCard().Build(Summary());
        var message = CardJson.Message(payload);
        var card = CardJson.Card(payload);

        Assert.Equal("message", (string?)message["type"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)message["attachments"]![0]!["contentType"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.All(
            CardJson.Objects(card).Where(o => o.ContainsKey("type")).Select(o => (string)o["type"]!),
            type => Assert.Contains(type, AllowedTypes));
    }

    [Fact]
    public void Build_Summary_ShowsVolumeCountsAndOperations()
    {
        var card = CardJson.Card(new DailySummaryCard().Build(Summary()));
        var facts = CardJson.Facts(card);

        Assert.Equal("Daily summary · examplex", CardJson.TextsIn(CardJson.ById(card, "headline"))[0]);
        Assert.Equal("2025-03-01 (UTC day)", CardJson.TextsIn(CardJson.ById(card, "headline"))[1]);
        Assert.Equal("1,204,331", facts["Withdrawals"]);
        Assert.Equal("$98,765,432.10", facts["Volume (USD)"]);
        Assert.Equal("6", facts["Alerts"]);
        Assert.Equal("1", facts["critical"]);
        Assert.Equal("5", facts["low"]);
        Assert.Equal("4", facts["Rapid drain"]);
        Assert.Equal("2", facts["Large withdrawal"]);
        Assert.Equal("3", facts["Dead-lettered events"]);
        Assert.False(facts.ContainsKey("Dead-lettered, naming no platform"));
        Assert.False(facts.ContainsKey("Without USD value (not in the volume)"));
        Assert.Equal("0", facts["Undelivered notifications"]);
    }

    [Fact]
    public void Build_DictionariesInAnyOrder_GiveIdenticalBytesInSeverityAndRuleOrder()
    {
        var forward = Summary();
        var reversed = forward with
        {
            AlertsByRule = forward.AlertsByRule.Reverse().ToDictionary(),
            AlertsBySeverity = forward.AlertsBySeverity.Reverse().ToDictionary(),
        };

        var first = new DailySummaryCard().Build(forward);
        var second = new DailySummaryCard().Build(reversed);

        Assert.Equal(first.Utf8Json.ToArray(), second.Utf8Json.ToArray());
        var titles = CardJson.Facts(CardJson.Card(first)).Keys.ToList();
        Assert.True(titles.IndexOf("critical") < titles.IndexOf("low"));
        Assert.True(titles.IndexOf("Large withdrawal") < titles.IndexOf("Rapid drain"));
    }

    [Theory]
    [InlineData(1, 0, 0, "attention")]
    [InlineData(0, 2, 0, "warning")]
    [InlineData(0, 0, 7, "warning")]
    [InlineData(0, 0, 0, "good")]
    public void Build_UrgentAlertsOrBacklog_SetHeadlineStyle(int critical, long deadLettered, long undelivered, string expected)
    {
        var view = Summary() with
        {
            AlertsBySeverity = new Dictionary<string, int> { ["critical"] = critical, ["low"] = 3 },
            DeadLettered = deadLettered,
            UndeliveredNotifications = undelivered,
        };

        var card = CardJson.Card(new DailySummaryCard().Build(view));

        Assert.Equal(expected, (string?)CardJson.ById(card, "headline")["style"]);
    }

    [Fact]
    public void Build_ManySubjects_ShowsTheFirstTenAndSaysHowManyMore()
    {
        var subjects = Enumerable.Range(0, 500).Select(i => new DailySummarySubject($"acct-{i}", "rapid-drain", 1000m - i)).ToList();

        var payload = new DailySummaryCard().Build(Summary() with { TopSubjects = subjects });
        var texts = CardJson.TextsIn(CardJson.ById(CardJson.Card(payload), "subjects"));

        Assert.True(payload.Length <= TeamsMessagePayload.MaxBytes);
        Assert.Equal(11, texts.Count);
        Assert.Equal("**$1,000.00** · Rapid drain · acct-0", texts[0]);
        Assert.Equal("+490 more subjects not shown", texts[^1]);
    }

    [Fact]
    public void Build_SubjectWithoutAUsdAmount_SaysSoInsteadOfZeroDollars()
    {
        // A multi-asset-drain over tokens nobody priced is judged in units: its USD amount is 0, not its size.
        var subjects = new[] { new DailySummarySubject("examplex", "multi-asset-drain", 0m) };

        var texts = CardJson.TextsIn(CardJson.ById(CardJson.Card(new DailySummaryCard().Build(Summary() with { TopSubjects = subjects })), "subjects"));

        Assert.Equal("**no USD value** · Multi-asset drain · examplex", texts[0]);
    }

    [Fact]
    public void Build_CraftedSubjectAndPlatform_AreEscapedAndNotLinked()
    {
        var view = Summary() with
        {
            Platform = "**evil**",
            TopSubjects = [new DailySummarySubject("[click](https://evil.example)", "rapid-drain", 5m)],
        };

        var card = CardJson.Card(new DailySummaryCard().Build(view));

        Assert.Empty(CardJson.LinkTargets(card));
        Assert.Equal(@"Daily summary · \*\*evil\*\*", CardJson.TextsIn(CardJson.ById(card, "headline"))[0]);
        Assert.EndsWith(@"\[click\]\(https\:\/\/evil.example\)", CardJson.TextsIn(CardJson.ById(card, "subjects"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_QuietDay_SaysNoAlerts()
    {
        var view = Summary() with
        {
            AlertsByRule = new Dictionary<string, int>(),
            AlertsBySeverity = new Dictionary<string, int>(),
            TopSubjects = [],
        };

        var texts = CardJson.MarkdownTexts(CardJson.Card(new DailySummaryCard().Build(view)));

        Assert.Contains("No alerts.", texts);
        Assert.DoesNotContain("Top subjects", texts);
    }

    [Fact]
    public void Build_DeadLettersNamingNoPlatform_AreShownBesideThePlatformsOwnAndAskForAction()
    {
        var card = CardJson.Card(new DailySummaryCard().Build(Summary() with { DeadLettered = 0, DeadLetteredWithoutPlatform = 2 }));

        var facts = CardJson.Facts(card);
        Assert.Equal(("0", "2"), (facts["Dead-lettered events"], facts["Dead-lettered, naming no platform"]));
        Assert.Contains(CardJson.TextsIn(card), text => text.StartsWith("Action needed", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithdrawalsWithoutUsdValue_AreCountedBesideTheVolumeTheyAreMissingFrom()
    {
        var facts = CardJson.Facts(CardJson.Card(new DailySummaryCard().Build(Summary() with { UnvaluedWithdrawals = 533 })));

        Assert.Equal(("$98,765,432.10", "533"), (facts["Volume (USD)"], facts["Without USD value (not in the volume)"]));
    }

    private static DailySummaryView Summary() => new(
        new DateOnly(2025, 3, 1),
        "examplex",
        1_204_331,
        98_765_432.1m,
        new Dictionary<string, int> { ["large-withdrawal"] = 2, ["rapid-drain"] = 4 },
        new Dictionary<string, int> { ["critical"] = 1, ["low"] = 5 },
        [new DailySummarySubject(SampleAlerts.EthSource, "rapid-drain", 1_234_567.89m)],
        3,
        0);
}
