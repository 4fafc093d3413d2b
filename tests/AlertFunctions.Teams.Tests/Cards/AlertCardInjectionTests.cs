using Xunit;

namespace AlertFunctions.Teams.Tests.Cards;

/// <summary>Producer-controlled strings must render as inert text: no links, no emphasis, no line tricks.</summary>
public sealed class AlertCardInjectionTests
{
    [Fact]
    public void Build_MarkdownLinkAsDestination_IsEscapedAndProducesNoLink()
    {
        var alert = SampleAlerts.Ethereum() with { Destinations = ["[click](http://evil.example/steal)"], TxHashes = [] };

        var card = CardJson.Card(AlertCardFactory.Create().Build(alert));

        var destinations = CardJson.TextsIn(CardJson.ById(card, "destinations"));
        Assert.Equal(@"\[click\]\(http\:\/\/evil.example/steal\)", Assert.Single(destinations));
        Assert.DoesNotContain(CardJson.LinkTargets(card), target => target.Contains("evil", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("**x**", @"\*\*x\*\*")]
    [InlineData("_x_", @"\_x\_")]
    [InlineData("`x`", @"\`x\`")]
    [InlineData("# x", @"\# x")]
    [InlineData("> x", @"\> x")]
    [InlineData("~~x~~", @"\~\~x\~\~")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("<https://evil.example>", @"\<https\:\/\/evil.example\>")]
    [InlineData("![img](https://evil.example/x.png)", @"\!\[img\]\(https\:\/\/evil.example/x.png\)")]
    [InlineData("&#91;x&#93;(https://evil.example)", @"\&\#91;x\&\#93;\(https\:\/\/evil.example\)")]
    [InlineData("- item", @"\- item")]
    [InlineData("1. item", @"1\. item")]
    [InlineData("www.evil.example", @"www\.evil.example")]
    public void Build_MarkdownInPlatform_IsEscaped(string platform, string expected)
    {
        var card = CardJson.Card(AlertCardFactory.Create().Build(SampleAlerts.Ethereum() with { Platform = platform }));

        Assert.Equal(expected, CardJson.Facts(card)["Platform"]);
        Assert.All(CardJson.LinkTargets(card), target => Assert.DoesNotContain("evil", target, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_InjectionInEveryEventField_NoForeignLinkAnywhere()
    {
        const string Payload = "[pwn](https://evil.example/)";
        var alert = SampleAlerts.Ethereum() with
        {
            AlertId = Payload,
            Platform = Payload,
            Chain = Payload,
            Asset = Payload,
            Subject = Payload,
            TriggerEventId = Payload,
            Destinations = [Payload, SampleAlerts.EthDestination],
            TxHashes = [Payload],
            Summary = "Withdrawals to " + Payload + " drained the wallet.",
            Details = new Detection.Alerts.AlertDetails(Payload, 1m, 1m, null, null),
        };

        var card = CardJson.Card(AlertCardFactory.Create().Build(alert));

        Assert.Empty(CardJson.LinkTargets(card));
        Assert.All(CardJson.MarkdownTexts(card), text => Assert.DoesNotContain("[pwn]", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ControlAndInvisibleCharacters_AreRemovedAndLinesFolded()
    {
        var alert = SampleAlerts.Ethereum() with
        {
            Platform = "exa\r\nmple\u0007x\u202Eevil\u200B\u2028end",
            Summary = "line one\n\n- injected list item\u0000",
        };

        var card = CardJson.Card(AlertCardFactory.Create().Build(alert));

        Assert.Equal("exa  mple xevil end", CardJson.Facts(card)["Platform"]);
        Assert.Contains("line one  - injected list item", CardJson.MarkdownTexts(card));
        Assert.All(CardJson.MarkdownTexts(card), text =>
            Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u202E' or '\u200B' or '\u2028'));
    }

    [Fact]
    public void Build_AddressWithTrailingNewline_IsNotLinked()
    {
        var alert = SampleAlerts.Ethereum() with { Destinations = [SampleAlerts.EthDestination + "\n"], TxHashes = [] };

        var card = CardJson.Card(AlertCardFactory.Create().Build(alert));

        Assert.Equal(SampleAlerts.EthDestination, Assert.Single(CardJson.TextsIn(CardJson.ById(card, "destinations"))));
    }
}
