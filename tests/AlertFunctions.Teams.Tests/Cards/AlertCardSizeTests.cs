using System.Globalization;
using System.Text.RegularExpressions;
using AlertFunctions.Teams.Cards;
using Xunit;

namespace AlertFunctions.Teams.Tests.Cards;

public sealed partial class AlertCardSizeTests
{
    private const int TeamsLimitBytes = 28 * 1024;

    [Fact]
    public void Build_ThousandsOfDestinations_StaysUnderTeamsLimitAndSaysHowManyAreLeftOut()
    {
        var destinations = Enumerable.Range(0, 5000).Select(i => "0x" + i.ToString("x40", CultureInfo.InvariantCulture)).ToList();
        var hashes = Enumerable.Range(0, 3000).Select(i => "0x" + i.ToString("x64", CultureInfo.InvariantCulture)).ToList();
        var alert = SampleAlerts.Ethereum() with { Destinations = destinations, DestinationsOmitted = 250, TxHashes = hashes };

        var payload = AlertCardFactory.Create().Build(alert);
        var card = CardJson.Card(payload);

        Assert.True(payload.Length < TeamsLimitBytes, $"payload is {payload.Length} bytes");
        Assert.True(payload.Length <= TeamsMessagePayload.MaxBytes);
        AssertOmissionNote(CardJson.TextsIn(CardJson.ById(card, "destinations")), total: 5000 + 250, "destinations");
        AssertOmissionNote(CardJson.TextsIn(CardJson.ById(card, "transactions")), total: 3000, "transactions");
    }

    [Fact]
    public void Build_HugeNonAsciiStrings_StaysUnderTeamsLimit()
    {
        var huge = string.Concat(Enumerable.Repeat("ü*[🚨](", 20_000));
        var alert = SampleAlerts.Ethereum() with
        {
            AlertId = huge,
            Platform = huge,
            Chain = huge,
            Asset = huge,
            Subject = huge,
            TriggerEventId = huge,
            Summary = huge,
            Rule = huge,
            Destinations = [.. Enumerable.Repeat(huge, 100)],
            TxHashes = [.. Enumerable.Repeat(huge, 100)],
            Details = new Detection.Alerts.AlertDetails(huge, 1m, 1m, 1m, 1m),
        };

        var payload = AlertCardFactory.Create().Build(alert);

        Assert.True(payload.Length <= TeamsMessagePayload.MaxBytes, $"payload is {payload.Length} bytes");
        Assert.Equal("1.5", (string?)CardJson.Card(payload)["version"]);
    }

    [Fact]
    public void Build_LongSummary_IsTruncatedWithAnEllipsis()
    {
        var alert = SampleAlerts.Ethereum() with { Summary = new string('a', 5000) };

        var texts = CardJson.MarkdownTexts(CardJson.Card(AlertCardFactory.Create().Build(alert)));

        var summary = Assert.Single(texts, text => text.StartsWith("aaaa", StringComparison.Ordinal));
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= 1000);
    }

    private static void AssertOmissionNote(List<string> texts, long total, string noun)
    {
        var shown = texts.Count(text => text.StartsWith("[0x", StringComparison.Ordinal));
        Assert.InRange(shown, 1, 10);
        var note = OmissionNote().Match(texts[^1]);
        Assert.True(note.Success, texts[^1]);
        Assert.Equal((total - shown).ToString("#,##0", CultureInfo.InvariantCulture), note.Groups["count"].Value);
        Assert.Equal(noun, note.Groups["noun"].Value);
    }

    [GeneratedRegex(@"^\+(?<count>[\d,]+) more (?<noun>\w+) not shown$")]
    private static partial Regex OmissionNote();
}
