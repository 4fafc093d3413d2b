using System.Text;
using System.Text.Json;
using AlertFunctions.Detection.Contract;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

public sealed class PlainJsonObjectReaderTests
{
    [Fact]
    public void Next_PlainObject_ReturnsEachMemberThenEnd()
    {
        var members = Members("""{"eventId":"evt-1","amount":12.50,"fee":-0.5,"zero":0,"memo":null,"urgent":true,"held":false,"empty":""}""");

        Assert.Equal(
            [
                ("eventId", PlainValueKind.String, "evt-1"),
                ("amount", PlainValueKind.Number, "12.50"),
                ("fee", PlainValueKind.Number, "-0.5"),
                ("zero", PlainValueKind.Number, "0"),
                ("memo", PlainValueKind.Null, "null"),
                ("urgent", PlainValueKind.Boolean, "true"),
                ("held", PlainValueKind.Boolean, "false"),
                ("empty", PlainValueKind.String, ""),
            ],
            members);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData(" {\t}\r\n")]
    public void Next_EmptyObject_EndsAtOnce(string body)
    {
        Assert.Empty(Members(body));
    }

    [Fact]
    public void Next_WhiteSpaceBetweenEveryToken_IsRead()
    {
        var members = Members(" \t{ \"a\" :\r\n\"x y\" ,\n\"b\"\t:\t7 , \"c\" : null }\r\n");

        Assert.Equal([("a", PlainValueKind.String, "x y"), ("b", PlainValueKind.Number, "7"), ("c", PlainValueKind.Null, "null")], members);
    }

    [Theory]
    [InlineData("""{"a":"x\"y"}""", "an escaped quote")]
    [InlineData("""{"a":"\u0041"}""", "a unicode escape")]
    [InlineData("""{"a\n":1}""", "an escape in a name")]
    [InlineData("{\"a\":\"x\ty\"}", "a raw tab inside a string")]
    [InlineData("{\"a\":\"x\u007Fy\"}", "DEL inside a string")]
    [InlineData("{\"a\":\"é\"}", "non-ASCII inside a string")]
    [InlineData("{\"é\":1}", "non-ASCII inside a name")]
    [InlineData("""{"a":{"b":1}}""", "a nested object")]
    [InlineData("""{"a":[1]}""", "an array")]
    [InlineData("""{"a":1e5}""", "an exponent")]
    [InlineData("""{"a":1.5E-3}""", "an upper-case exponent")]
    [InlineData("""{"a":01}""", "a leading zero")]
    [InlineData("""{"a":-}""", "a lone minus")]
    [InlineData("""{"a":1.}""", "a point without digits")]
    [InlineData("""{"a":.5}""", "no integer digits")]
    [InlineData("""{"a":+1}""", "a plus sign")]
    [InlineData("""{"a":1.2.3}""", "two points")]
    [InlineData("""{"a":nul}""", "a misspelt literal")]
    [InlineData("""{"a":truex}""", "a literal run on")]
    [InlineData("""{"a":'x'}""", "single quotes")]
    [InlineData("""{"a":1,}""", "a trailing comma")]
    [InlineData("""{"a" 1}""", "a missing colon")]
    [InlineData("""{"a":1 "b":2}""", "a missing comma")]
    [InlineData("""{a:1}""", "an unquoted name")]
    [InlineData("""{"a":1""", "an unclosed object")]
    [InlineData("""{"a":"x""", "an unclosed string")]
    [InlineData("""{"a":1}x""", "content after the object")]
    [InlineData("""{}{}""", "two objects")]
    [InlineData("""{"a":1}//""", "a comment")]
    [InlineData("""[1]""", "an array body")]
    [InlineData("""  """, "no object")]
    [InlineData("\uFEFF{}", "a byte-order mark")]
    public void Next_OutsideThePlainForm_IsDeclined(string body, string what)
    {
        var reader = new PlainJsonObjectReader(Encoding.UTF8.GetBytes(body));
        PlainMember next;
        var steps = 0;
        while ((next = reader.Next(out _, out _, out _)) == PlainMember.Member)
        {
            Assert.True(++steps < 100, what);
        }

        Assert.True(next == PlainMember.Declined, what);
    }

    // The property that lets the parser trust this reader: whatever it reads to the end, the general JSON reader reads as
    // the same members, in order, with the same values. Bodies mix plain members with the tokens the reader declines.
    [Fact]
    public void Next_AnyBodyReadToTheEnd_HasTheMembersTheGeneralReaderFinds()
    {
        var piece = Gen.OneOf(
            Gen.Const("\"a\""), Gen.Const("\"amount\""), Gen.Const("\"x y\""), Gen.Const("\"\""), Gen.Const("\"q\\\"\""),
            Gen.Const("\"é\""), Gen.Const("0"), Gen.Const("-12.50"), Gen.Const("01"), Gen.Const("1e3"), Gen.Const("null"),
            Gen.Const("true"), Gen.Const("false"), Gen.Const(":"), Gen.Const(","), Gen.Const("{"), Gen.Const("}"),
            Gen.Const("["), Gen.Const("]"), Gen.Const(" "), Gen.Const("\t"), Gen.Const("\n"));
        var member = Gen.Select(Gen.OneOf(Gen.Const("\"a\""), Gen.Const("\"b c\""), Gen.Const("\"\"")), Gen.OneOf(
            Gen.Const("\"v\""), Gen.Const("\"\""), Gen.Const("7"), Gen.Const("-0.25"), Gen.Const("null"), Gen.Const("true")),
            (name, value) => $"{name}:{value}");
        var plainObject = member.Array[0, 6].Select(members => "{" + string.Join(",", members) + "}");
        var body = Gen.OneOf(
            plainObject,
            Gen.Select(plainObject, Gen.Int[0, 40], piece, (text, at, inserted) => text.Insert(Math.Min(at, text.Length), inserted)),
            piece.Array[0, 12].Select(string.Concat));
        var readToTheEnd = 0;

        body.Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (TryReadAll(bytes) is not { } plain)
            {
                return;
            }

            Interlocked.Increment(ref readToTheEnd);
            Assert.Equal(GeneralMembers(bytes), plain);
        }, iter: 20_000);

        Assert.True(readToTheEnd > 5_000, $"only {readToTheEnd} bodies were read to the end");
    }

    private static List<(string Name, PlainValueKind Kind, string Value)> Members(string body)
    {
        var members = TryReadAll(Encoding.UTF8.GetBytes(body));
        Assert.NotNull(members);
        return members;
    }

    private static List<(string Name, PlainValueKind Kind, string Value)>? TryReadAll(byte[] body)
    {
        var reader = new PlainJsonObjectReader(body);
        var members = new List<(string, PlainValueKind, string)>();
        PlainMember next;
        while ((next = reader.Next(out var name, out var kind, out var value)) == PlainMember.Member)
        {
            members.Add((Encoding.UTF8.GetString(name), kind, Encoding.UTF8.GetString(value)));
        }

        return next == PlainMember.End ? members : null;
    }

    private static List<(string Name, PlainValueKind Kind, string Value)> GeneralMembers(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var members = new List<(string, PlainValueKind, string)>();
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            Assert.True(reader.Read());
            members.Add(reader.TokenType switch
            {
                JsonTokenType.String => (name, PlainValueKind.String, reader.GetString()!),
                JsonTokenType.Number => (name, PlainValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan)),
                JsonTokenType.Null => (name, PlainValueKind.Null, "null"),
                JsonTokenType.True => (name, PlainValueKind.Boolean, "true"),
                JsonTokenType.False => (name, PlainValueKind.Boolean, "false"),
                var other => throw new Xunit.Sdk.XunitException($"the plain reader accepted a {other} value"),
            });
        }

        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
        return members;
    }
}
