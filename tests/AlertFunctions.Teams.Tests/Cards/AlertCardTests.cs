using System.Text.Json.Nodes;
using AlertFunctions.Detection.Alerts;
using Xunit;

namespace AlertFunctions.Teams.Tests.Cards;

public sealed class AlertCardTests
{
    private static readonly HashSet<string> AllowedTypes =
        ["AdaptiveCard", "TextBlock", "FactSet", "ColumnSet", "Column", "Container", "Action.OpenUrl"];

    [Fact]
    public void Build_Alert_HasWorkflowsMessageEnvelope()
    {
        var message = CardJson.Message(AlertCardFactory.Create().Build(SampleAlerts.Ethereum()));

        Assert.Equal("message", (string?)message["type"]);
        var attachments = message["attachments"]!.AsArray();
        var attachment = Assert.Single(attachments)!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.True(attachment.ContainsKey("contentUrl"));
        Assert.Null(attachment["contentUrl"]);
        var card = attachment["content"]!.AsObject();
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
    }

    [Fact]
    public void Build_Alert_UsesOnlyAdaptiveCard15ElementsAndOpenUrlActions()
    {
        var alert = SampleAlerts.Ethereum() with { Destinations = [.. Enumerable.Repeat(SampleAlerts.EthDestination, 30)], DestinationsOmitted = 3 };
        var card = CardJson.Card(AlertCardFactory.Create().Build(alert));

        var types = CardJson.Objects(card).Where(o => o.ContainsKey("type")).Select(o => (string)o["type"]!).ToList();

        Assert.Contains("TextBlock", types);
        Assert.Contains("FactSet", types);
        Assert.Contains("Container", types);
        Assert.All(types, type => Assert.Contains(type, AllowedTypes));
        var actions = card["actions"]!.AsArray();
        Assert.All(actions, action => Assert.Equal("Action.OpenUrl", (string?)action!["type"]));
    }

    [Fact]
    public void Build_Alert_ActionsOpenAndAcknowledgeTheAlert()
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum()));

        var actions = card["actions"]!.AsArray().Select(a => ((string)a!["title"]!, (string)a["url"]!)).ToList();

        Assert.Equal(
            [
                ("Open alert", "https://alerts.example.test/api/alerts/a3f9c2e1b7d04c5e"),
                ("Acknowledge", "https://alerts.example.test/api/alerts/a3f9c2e1b7d04c5e/ack"),
            ],
            actions);
    }

    [Fact]
    public void Build_AlertIdWithReservedCharacters_IsOneEncodedPathSegment()
    {
        var card = CardJson.Card(AlertCardFactory.Create("https://alerts.example.test/api/").Build(SampleAlerts.Ethereum() with { AlertId = "rapid drain/x?y#z" }));

        var urls = card["actions"]!.AsArray().Select(a => (string)a!["url"]!).ToList();

        Assert.Equal(
            ["https://alerts.example.test/api/alerts/rapid%20drain%2Fx%3Fy%23z", "https://alerts.example.test/api/alerts/rapid%20drain%2Fx%3Fy%23z/ack"],
            urls);
    }

    [Fact]
    public void Build_Alert_NeverContainsTheWebhookUrl()
    {
        var json = AlertCardFactory.Create().Build(SampleAlerts.Ethereum()).ToString();

        Assert.DoesNotContain("card-test-secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("logic.azure.com", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Alert_ShowsAmountsWindowCountsAndSubject()
    {
        var facts = CardJson.Facts(CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum())));

        Assert.Equal("a3f9c2e1b7d04c5e", facts["Alert id"]);
        Assert.Equal("critical", facts["Severity"]);
        Assert.Equal("Rapid drain (rapid-drain)", facts["Rule"]);
        Assert.Equal("examplex", facts["Platform"]);
        Assert.Equal("ethereum", facts["Chain"]);
        Assert.Equal("ETH", facts["Asset"]);
        Assert.Equal("$1,234,567.89", facts["Amount (USD)"]);
        Assert.Equal("456.5 ETH", facts["Amount (asset)"]);
        Assert.Equal("2025-03-01T03:00:00Z – 2025-03-01T03:10:00Z", facts["Window (UTC)"]);
        Assert.Equal("42", facts["Events"]);
        Assert.Equal($"[{SampleAlerts.EthSource}](https://etherscan.io/address/{SampleAlerts.EthSource}) (sourceWallet)", facts["Subject"]);
        Assert.Equal("evt-000042", facts["Trigger event"]);
    }

    [Fact]
    public void Build_Alert_ExplainsTheThresholdCrossed()
    {
        var facts = CardJson.Facts(CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum())));

        Assert.Equal("window outflow USD", facts["Measure"]);
        Assert.Equal("$1,234,567.89", facts["Observed"]);
        Assert.Equal("$500,000.00", facts["Threshold"]);
        Assert.Equal("$150,000.00", facts["Baseline"]);
        Assert.Equal("8.23×", facts["Ratio"]);
    }

    [Fact]
    public void Build_CountMeasureWithoutBaseline_ShowsPlainNumbersAndNoBaseline()
    {
        var alert = SampleAlerts.Ethereum() with { Details = new AlertDetails("withdrawals just under the reporting limit", 12m, 5m, null, null) };

        var facts = CardJson.Facts(CardJson.Card(AlertCardFactory.Create().Build(alert)));

        Assert.Equal("12", facts["Observed"]);
        Assert.Equal("5", facts["Threshold"]);
        Assert.Equal("none learned", facts["Baseline"]);
        Assert.Equal("not applicable", facts["Ratio"]);
    }

    [Fact]
    public void Build_MultiAssetAlert_SaysSeveralAssetsInsteadOfAStar()
    {
        var alert = SampleAlerts.Ethereum() with { Rule = RuleIds.MultiAssetDrain, Asset = "*", AmountAsset = null };

        var facts = CardJson.Facts(CardJson.Card(AlertCardFactory.Create().Build(alert)));

        Assert.Equal("several assets", facts["Asset"]);
        Assert.Equal("not applicable (several assets)", facts["Amount (asset)"]);
    }

    [Fact]
    public void Build_Headline_NamesSeverityRuleAmountAndPlace()
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum()));

        var texts = CardJson.TextsIn(CardJson.ById(card, "headline"));

        Assert.Equal("CRITICAL · Rapid drain", texts[0]);
        Assert.Equal("$1,234,567.89 · examplex · ethereum · ETH", texts[1]);
        Assert.Equal("Rule rapid-drain · revision 1 · window ended 2025-03-01T03:10:00Z", texts[2]);
    }

    [Fact]
    public void Build_AlertWithoutAUsdAmount_SaysSoInsteadOfZeroDollars()
    {
        // multi-asset-drain over tokens nobody priced judges them in units: its USD amount is 0, not its size.
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum() with { AmountUsd = 0m }));

        Assert.Equal("no USD value · examplex · ethereum · ETH", CardJson.TextsIn(CardJson.ById(card, "headline"))[1]);
        Assert.Equal("no USD value", CardJson.Facts(card)["Amount (USD)"]);
    }

    [Fact]
    public void Build_UnknownRule_ShowsTheEscapedRuleId()
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum() with { Rule = "custom_rule*" }));

        Assert.Equal("CRITICAL · custom\\_rule\\*", CardJson.TextsIn(CardJson.ById(card, "headline"))[0]);
    }

    [Theory]
    [InlineData(Severity.Critical, "attention")]
    [InlineData(Severity.High, "attention")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "default")]
    public void Build_Severity_SetsContainerStyleAndHeadlineColor(Severity severity, string expected)
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum() with { Severity = severity }));

        var headline = CardJson.ById(card, "headline");
        Assert.Equal(expected, (string?)headline["style"]);
        Assert.Equal(expected, (string?)headline["items"]![0]!["color"]);
    }

    [Fact]
    public void Build_SameAlertTwice_GivesIdenticalBytes()
    {
        var alert = SampleAlerts.Bitcoin();

        var first = AlertCardFactory.Create().Build(alert);
        var second = AlertCardFactory.Create().Build(alert);

        Assert.Equal(first.Utf8Json.ToArray(), second.Utf8Json.ToArray());
    }

    [Fact]
    public void Build_Alert_RoundTripsAsJson()
    {
        var payload = AlertCardFactory.Create().Build(SampleAlerts.Tron());

        Assert.Equal(payload.ToString(), JsonNode.Parse(payload.ToString())!.ToJsonString());
    }
}
