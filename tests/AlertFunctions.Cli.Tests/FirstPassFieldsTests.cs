using System.Text;
using System.Text.Json;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The first pass's four fields must be what a JSON parser finds at the top level of the line, whichever way they are
/// found: the quick search over flat lines and the JSON reader must never disagree on a valid line.
/// </summary>
public sealed class FirstPassFieldsTests
{
    private static readonly string[] Names = ["platform", "sourceWallet", "timestamp", "eventId", "memo", "platformType", "kind", "event"];
    private static readonly string[] Values = ["a", "platform", "sourceWallet", "timestamp", "eventId", "\"platform\"", "hot", "", "{", "x\\y", "h\u00e9t", "2026-06-01T00:00:00Z", "e-1"];

    [Theory]
    [InlineData("""{"kind":"platform","platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t", "")]
    [InlineData("""{"platform":"a","sourceWallet":"w","timestamp":"t","platformType":"exchange"}""", "a", "w", "t", "")]
    [InlineData("""{"platform":"a","platform":"b","sourceWallet":"w","timestamp":"t"}""", "b", "w", "t", "")]
    [InlineData("""{"memo":"\"platform\":\"decoy\"","platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t", "")]
    [InlineData("""{"platform":"a","sourceWallet":"w","timestamp":5}""", "a", "w", "", "")]
    [InlineData("""{"platform":"a","sourceWallet":"w"}""", "a", "w", "", "")]
    [InlineData("""{"platform" : "a" , "sourceWallet":	"w","timestamp":"t"}""", "a", "w", "t", "")]
    [InlineData("""{"eventId":"e-1","platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t", "e-1")]
    [InlineData("""{"eventId":"e-1","eventId":"e-2","platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t", "e-2")]
    [InlineData("""{"eventId":"e\u002d1","platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t", "e-1")]
    [InlineData("""{"eventId":7,"platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t", "")]
    [InlineData("""{"event":"eventId","platform":"a","sourceWallet":"w","timestamp":"t","eventId":"e-3"}""", "a", "w", "t", "e-3")]
    public void Read_ValidLine_FindsTheTopLevelStrings(string line, string platform, string wallet, string timestamp, string eventId)
    {
        var fields = FirstPassFields.Read(Encoding.UTF8.GetBytes(line));

        Assert.Equal(platform, Encoding.UTF8.GetString(fields.Platform));
        Assert.Equal(wallet, Encoding.UTF8.GetString(fields.SourceWallet));
        Assert.Equal(timestamp, Encoding.UTF8.GetString(fields.Timestamp));
        Assert.Equal(eventId, Encoding.UTF8.GetString(fields.EventId));
    }

    [Fact]
    public void Read_RandomFlatLines_AgreeWithAJsonParser()
    {
        var random = new Random(20260601);
        for (var i = 0; i < 20_000; i++)
        {
            var line = RandomLine(random);
            var expected = TopLevelStrings(line);

            var fields = FirstPassFields.Read(Encoding.UTF8.GetBytes(line));

            Assert.True(expected.Platform == Encoding.UTF8.GetString(fields.Platform), line);
            Assert.True(expected.Wallet == Encoding.UTF8.GetString(fields.SourceWallet), line);
            Assert.True(expected.Timestamp == Encoding.UTF8.GetString(fields.Timestamp), line);
            Assert.True(expected.EventId == Encoding.UTF8.GetString(fields.EventId), line);
        }
    }

    [Fact]
    public void TryFindPlainValues_FlatLinesWithEachNameOnce_AreTakenByTheQuickSearch()
    {
        // What producers write: the quick search must take these lines itself (the JSON reader would give the same fields,
        // so only this shows a name the search passed over), wherever the names fall in its sixteen-byte steps.
        var random = new Random(20261129);
        string[] others = ["memo", "platformType", "kind", "pad", "amount", "s", "t", "p", "e", "event"];
        for (var i = 0; i < 20_000; i++)
        {
            var (platform, wallet, timestamp, eventId) = (PlainText(random), PlainText(random), PlainText(random), PlainText(random));
            var properties = new List<string>
            {
                $"\"platform\":\"{platform}\"", $"\"sourceWallet\":\"{wallet}\"", $"\"timestamp\":\"{timestamp}\"", $"\"eventId\":\"{eventId}\"",
            };
            for (var extra = random.Next(5); extra > 0; extra--)
            {
                properties.Add(random.Next(3) == 0 ? $"\"{others[random.Next(others.Length)]}\":{random.Next()}" : $"\"{others[random.Next(others.Length)]}\":\"{PlainText(random)}\"");
            }

            var line = "{" + string.Join(",", properties.OrderBy(_ => random.Next()).Select(p => random.Next(4) == 0 ? p.Replace(":", " : ", StringComparison.Ordinal) : p)) + "}";

            Assert.True(FirstPassFields.TryFindPlainValues(Encoding.UTF8.GetBytes(line), out var fields), line);
            Assert.Equal(platform, Encoding.UTF8.GetString(fields.Platform));
            Assert.Equal(wallet, Encoding.UTF8.GetString(fields.SourceWallet));
            Assert.Equal(timestamp, Encoding.UTF8.GetString(fields.Timestamp));
            Assert.Equal(eventId, Encoding.UTF8.GetString(fields.EventId));
        }
    }

    /// <summary>Letters, digits and punctuation a value may hold without escapes, none of them a quote or ':', 0-60 long.</summary>
    private static string PlainText(Random random) =>
        new([.. Enumerable.Range(0, random.Next(61)).Select(_ => "abcdefpstxyz0123456789-_.+ "[random.Next(27)])]);

    private static string RandomLine(Random random)
    {
        var properties = new List<string>();
        for (var count = random.Next(0, 7); properties.Count < count;)
        {
            var name = Names[random.Next(Names.Length)];
            var value = random.Next(8) switch
            {
                0 => "12.5",
                1 => "null",
                2 => $$"""{"{{Names[random.Next(Names.Length)]}}":"v"}""",
                _ => JsonSerializer.Serialize(Values[random.Next(Values.Length)]),
            };
            var space = random.Next(4) == 0 ? " " : "";
            properties.Add($"\"{name}\"{space}:{space}{value}");
        }

        // Padding of any length moves the names across every offset of the search's sixteen-byte steps and its tail.
        if (random.Next(2) == 0)
        {
            properties.Insert(random.Next(properties.Count + 1), $$"""
                "pad":"{{new string('x', random.Next(48))}}"
                """);
        }

        return "{" + string.Join(",", properties) + "}";
    }

    private static (string Platform, string Wallet, string Timestamp, string EventId) TopLevelStrings(string line)
    {
        string platform = "", wallet = "", timestamp = "", eventId = "";
        using var document = JsonDocument.Parse(line);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            switch (property.Name)
            {
                case "platform":
                    platform = property.Value.GetString()!;
                    break;
                case "sourceWallet":
                    wallet = property.Value.GetString()!;
                    break;
                case "timestamp":
                    timestamp = property.Value.GetString()!;
                    break;
                case "eventId":
                    eventId = property.Value.GetString()!;
                    break;
            }
        }

        return (platform, wallet, timestamp, eventId);
    }
}
