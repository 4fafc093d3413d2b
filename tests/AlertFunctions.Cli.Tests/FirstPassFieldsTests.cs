using System.Text;
using System.Text.Json;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The first pass's three fields must be what a JSON parser finds at the top level of the line, whichever way they are
/// found: the quick search over flat lines and the JSON reader must never disagree on a valid line.
/// </summary>
public sealed class FirstPassFieldsTests
{
    private static readonly string[] Names = ["platform", "sourceWallet", "timestamp", "memo", "platformType", "kind"];
    private static readonly string[] Values = ["a", "platform", "sourceWallet", "timestamp", "\"platform\"", "hot", "", "{", "x\\y", "h\u00e9t", "2026-06-01T00:00:00Z"];

    [Theory]
    [InlineData("""{"kind":"platform","platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t")]
    [InlineData("""{"platform":"a","sourceWallet":"w","timestamp":"t","platformType":"exchange"}""", "a", "w", "t")]
    [InlineData("""{"platform":"a","platform":"b","sourceWallet":"w","timestamp":"t"}""", "b", "w", "t")]
    [InlineData("""{"memo":"\"platform\":\"decoy\"","platform":"a","sourceWallet":"w","timestamp":"t"}""", "a", "w", "t")]
    [InlineData("""{"platform":"a","sourceWallet":"w","timestamp":5}""", "a", "w", "")]
    [InlineData("""{"platform":"a","sourceWallet":"w"}""", "a", "w", "")]
    [InlineData("""{"platform" : "a" , "sourceWallet":	"w","timestamp":"t"}""", "a", "w", "t")]
    public void Read_ValidLine_FindsTheTopLevelStrings(string line, string platform, string wallet, string timestamp)
    {
        var fields = FirstPassFields.Read(Encoding.UTF8.GetBytes(line));

        Assert.Equal(platform, Encoding.UTF8.GetString(fields.Platform));
        Assert.Equal(wallet, Encoding.UTF8.GetString(fields.SourceWallet));
        Assert.Equal(timestamp, Encoding.UTF8.GetString(fields.Timestamp));
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
        }
    }

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

        return "{" + string.Join(",", properties) + "}";
    }

    private static (string Platform, string Wallet, string Timestamp) TopLevelStrings(string line)
    {
        string platform = "", wallet = "", timestamp = "";
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
            }
        }

        return (platform, wallet, timestamp);
    }
}
