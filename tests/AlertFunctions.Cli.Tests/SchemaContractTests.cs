using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertFunctions.Detection.Contract;
using Microsoft.Extensions.Time.Testing;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The shipped schema against the parser, which is the single source of truth: the field lists are derived from the
/// parser's behaviour and from <see cref="WithdrawalEvent"/>, and a table of events must be judged alike by the parser
/// and by the schema (through <see cref="SchemaChecker"/>). Left out on purpose, because a schema cannot say them and its
/// description does: the timestamp window, impossible dates, the decimal range and the amount limits, the body size and the
/// nesting depth.
/// </summary>
public sealed class SchemaContractTests
{
    private static readonly JsonElement Schema = ShippedSchema.Read();

    private static WithdrawalEventParser NewParser() => new(new ParserOptions(), new FakeTimeProvider(CliHarness.Now));

    [Fact]
    public void Required_ShippedSchema_EqualsTheFieldsWhoseAbsenceTheParserRefuses()
    {
        var refusedWhenAbsent = EventLines.ValidObject().Select(p => p.Key).Where(name =>
        {
            var result = NewParser().Parse(EventLines.Without(name));
            return !result.IsValid && result.Rejection!.Reason == RejectionReason.MissingField && result.Rejection.Message.Contains($"'{name}'", StringComparison.Ordinal);
        });

        Assert.Equal(refusedWhenAbsent.Order(StringComparer.Ordinal), SchemaRequired().Order(StringComparer.Ordinal));
        Assert.Equal(EventMembers(requiredOnly: true).Order(StringComparer.Ordinal), SchemaRequired().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Properties_ShippedSchema_EqualTheFieldsTheParserReads()
    {
        // The parser ignores an unknown field whatever its value, and refuses an object in any field it reads.
        var candidates = EventMembers(requiredOnly: false).Append("memo").Append("scenario");
        var read = candidates.Where(name => !NewParser().Parse(EventLines.With(name, new JsonObject { ["nested"] = 1 })).IsValid);

        Assert.Equal(read.Order(StringComparer.Ordinal), SchemaProperties().Order(StringComparer.Ordinal));
        Assert.Equal(EventMembers(requiredOnly: false).Order(StringComparer.Ordinal), SchemaProperties().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AdditionalProperties_ShippedSchema_AllowsUnknownFieldsLikeTheParser()
    {
        Assert.True(NewParser().Parse(EventLines.With("producerNote", new JsonObject { ["any"] = new JsonArray(1, 2) })).IsValid);
        Assert.Equal(JsonValueKind.True, Schema.GetProperty("additionalProperties").ValueKind);
        Assert.Contains("additionalProperties is true", Schema.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_ShippedFile_DeclaresDraft2020AndThePlatformTypeDefault()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.Equal("object", Schema.GetProperty("type").GetString());
        Assert.Equal(new string?[] { "exchange", "defi", "bridge", null }, Schema.GetProperty("properties").GetProperty("platformType").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()));
        Assert.Equal("exchange", Schema.GetProperty("properties").GetProperty("platformType").GetProperty("default").GetString());
    }

    [Fact]
    public void SchemaChecker_UnknownKeyword_Throws()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","minProperties":1}""");
        using var instance = JsonDocument.Parse("{}");

        Assert.Throws<NotSupportedException>(() => new SchemaChecker(schema.RootElement).IsValid(instance.RootElement));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void SchemaAndParser_Example_AgreeOnValidity(string example, string line, bool valid)
    {
        var parsed = NewParser().Parse(line);
        using var document = JsonDocument.Parse(line);
        var checkedBySchema = new SchemaChecker(Schema).IsValid(document.RootElement);

        Assert.True(parsed.IsValid == valid, $"{example}: the parser says {(parsed.IsValid ? "valid" : parsed.Rejection!.ToString())}");
        Assert.True(checkedBySchema == valid, $"{example}: the schema says {(checkedBySchema ? "valid" : "invalid")}");
    }

    public static TheoryData<string, string, bool> Examples()
    {
        var data = new TheoryData<string, string, bool>();
        void Valid(string example, string line) => data.Add(example, line, true);
        void Invalid(string example, string line) => data.Add(example, line, false);

        Valid("every field", EventLines.Valid());
        var minimal = new JsonObject
        {
            ["eventId"] = "e",
            ["platform"] = "p",
            ["chain"] = "c",
            ["asset"] = "a",
            ["amount"] = 1,
            ["sourceWallet"] = "s",
            ["destinationAddress"] = "d",
            ["timestamp"] = "2026-11-25T10:00:00Z",
        };
        Valid("required fields only", minimal.ToJsonString());
        foreach (var amount in new[] { "1.5", "+2", ".5", "1e3", "1E-3", "1.", "0.0001", "007" })
        {
            Valid($"amount as the string \"{amount}\"", EventLines.With("amount", amount));
        }

        Valid("amount 0.000001", EventLines.With("amount", 0.000001m));
        Valid("amount 1e3 as a number", EventLines.Valid().Replace("\"amount\":1.5", "\"amount\":1e3", StringComparison.Ordinal));
        foreach (var field in new[] { "amountUsd", "balanceAfter" })
        {
            Valid($"{field} 0", EventLines.With(field, 0));
            Valid($"{field} \"0\"", EventLines.With(field, "0"));
            Valid($"{field} \"12.5\"", EventLines.With(field, "12.5"));
            Valid($"{field} \"-0\"", EventLines.With(field, "-0"));
            Valid($"{field} \"-0.0e5\"", EventLines.With(field, "-0.0e5"));
            Valid($"{field} null", EventLines.With(field, null));
            Valid($"{field} absent", EventLines.Without(field));
            Invalid($"{field} -1", EventLines.With(field, -1));
            Invalid($"{field} \"-0.01\"", EventLines.With(field, "-0.01"));
            Invalid($"{field} \"-1e2\"", EventLines.With(field, "-1e2"));
            Invalid($"{field} \"x\"", EventLines.With(field, "x"));
            Invalid($"{field} true", EventLines.With(field, true));
        }

        foreach (var type in new[] { "exchange", "defi", "bridge" })
        {
            Valid($"platformType {type}", EventLines.With("platformType", type));
        }

        Valid("platformType null", EventLines.With("platformType", null));
        Valid("platformType absent", EventLines.Without("platformType"));
        Invalid("platformType cex", EventLines.With("platformType", "cex"));
        Invalid("platformType Exchange (case)", EventLines.With("platformType", "Exchange"));
        Invalid("platformType 1", EventLines.With("platformType", 1));

        foreach (var field in new[] { "accountId", "txHash" })
        {
            Valid($"{field} empty", EventLines.With(field, ""));
            Valid($"{field} null", EventLines.With(field, null));
            Valid($"{field} absent", EventLines.Without(field));
            Valid($"{field} 256 characters", EventLines.With(field, new string('a', 256)));
            Invalid($"{field} 257 characters", EventLines.With(field, new string('a', 257)));
            Invalid($"{field} with a leading space", EventLines.With(field, " x"));
            Invalid($"{field} with a trailing tab", EventLines.With(field, "x\t"));
            Invalid($"{field} a number", EventLines.With(field, 7));
        }

        foreach (var timestamp in new[] { "2026-11-25T10:00:00+02:00", "2026-11-25T10:00:00-05:00", "2026-11-25T10:00:00+01", "2026-11-25T10:00Z", "2026-11-25T10:00:00.123456Z", "2026-11-25T10:00:00.1234567890123456Z", "2026-11-25T10:00:00.Z" })
        {
            Valid($"timestamp {timestamp}", EventLines.With("timestamp", timestamp));
        }

        foreach (var timestamp in new[] { "2026-11-25T10:00:00", "2026-11-25", "2026-11-25 10:00:00Z", "2026-11-25t10:00:00z", "2026-11-25T10:00:00+0100", "2026-11-25T10:00:00.12345678901234567Z", "yesterday", "" })
        {
            Invalid($"timestamp \"{timestamp}\"", EventLines.With("timestamp", timestamp));
        }

        Invalid("timestamp a number", EventLines.With("timestamp", 1764064800));

        foreach (var field in new[] { "eventId", "platform", "chain", "asset", "amount", "sourceWallet", "destinationAddress", "timestamp" })
        {
            Invalid($"{field} absent", EventLines.Without(field));
            Invalid($"{field} null", EventLines.With(field, null));
        }

        foreach (var field in new[] { "eventId", "platform", "chain", "asset", "sourceWallet", "destinationAddress" })
        {
            Invalid($"{field} empty", EventLines.With(field, ""));
            Invalid($"{field} a number", EventLines.With(field, 42));
            Invalid($"{field} with a leading space", EventLines.With(field, " x"));
            Invalid($"{field} with a trailing newline", EventLines.With(field, "x\n"));
            Valid($"{field} with inner white space", EventLines.With(field, "north wind"));
            Valid($"{field} of one character", EventLines.With(field, "x"));
        }

        foreach (var (name, c) in new[] { ("no-break space", '\u00a0'), ("next line", '\u0085'), ("ideographic space", '\u3000'), ("line separator", '\u2028'), ("vertical tab", '\u000b') })
        {
            Invalid($"platform ending with a {name}", EventLines.With("platform", "x" + c));
            Invalid($"chain starting with a {name}", EventLines.With("chain", c + "x"));
        }

        Valid("platform with a zero-width no-break space at the end (not white space to .NET)", EventLines.With("platform", "x\ufeff"));
        Valid("eventId of 128 characters", EventLines.With("eventId", new string('e', 128)));
        Invalid("eventId of 129 characters", EventLines.With("eventId", new string('e', 129)));
        Valid("platform of 256 characters", EventLines.With("platform", new string('p', 256)));
        Invalid("platform of 257 characters", EventLines.With("platform", new string('p', 257)));
        Invalid("destinationAddress of 257 characters", EventLines.With("destinationAddress", new string('d', 257)));
        Valid("eventId with non-ASCII letters", EventLines.With("eventId", "évènement-1"));

        foreach (var amount in new[] { "0", "-1.5", "abc", "1,000", " 1", "0x10", "1e", ".", "+", "0.000", "-0" })
        {
            Invalid($"amount as the string \"{amount}\"", EventLines.With("amount", amount));
        }

        Invalid("amount 0", EventLines.With("amount", 0));
        Invalid("amount -1", EventLines.With("amount", -1));
        Invalid("amount true", EventLines.With("amount", true));
        Invalid("amount an object", EventLines.With("amount", new JsonObject()));

        Valid("an unknown field holding an object", EventLines.With("scenario", new JsonObject { ["kind"] = "incident" }));
        Valid("an unknown field holding null", EventLines.With("memo", null));
        Invalid("an array", "[1,2]");
        Invalid("a string", "\"event\"");
        Invalid("a number", "42");
        return data;
    }

    private static IEnumerable<string> SchemaRequired() => Schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!);

    private static IEnumerable<string> SchemaProperties() => Schema.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    /// <summary>The contract's fields as the model declares them, camel-cased; with <paramref name="requiredOnly"/>, the C# <c>required</c> ones.</summary>
    private static IEnumerable<string> EventMembers(bool requiredOnly) =>
        typeof(WithdrawalEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !requiredOnly || p.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
