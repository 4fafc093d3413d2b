using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AlertFunctions.Detection.Contract;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

/// <summary>
/// The parser's fast path (<see cref="WithdrawalEventParser.TryParsePlain"/>) against its general path
/// (<see cref="WithdrawalEventParser.ParseGeneral"/>): the same result for any body, and the fast path only ever taking
/// bodies that hold a valid event.
/// </summary>
public sealed class WithdrawalEventParserPlainPathTests
{
    // Most producers write '+' and non-ASCII text as themselves; the default encoder escapes them, which the fast path declines.
    private static readonly JsonTypeInfo<ContractEventDto> RelaxedSerializer = (JsonTypeInfo<ContractEventDto>)new JsonSerializerOptions(
        ContractEventJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }.GetTypeInfo(typeof(ContractEventDto));

    private static readonly JsonTypeInfo<ContractEventDto>[] Serializers = [.. WithdrawalEventParserPropertyTests.Serializers, RelaxedSerializer];

    // Half the events with their text made plain (printable ASCII, no quote or backslash), which the fast path takes.
    private static readonly Gen<byte[]> SerializedEvent = Gen.Select(
        WithdrawalEventParserPropertyTests.ValidEvent,
        Gen.Bool,
        Gen.Int[0, Serializers.Length - 1],
        (dto, plain, serializer) => JsonSerializer.SerializeToUtf8Bytes(plain ? Plain(dto) : dto, Serializers[serializer]));

    [Fact]
    public void TryParsePlain_TheContractsExampleBody_IsTakenWithEveryField()
    {
        var parser = NewParser();
        var body = Encoding.UTF8.GetBytes(ValidEventJson.Body());
        Assert.False(parser.TryParsePlain(body, out _)); // The clock has not been read yet: the general path reads it.
        Assert.True(parser.Parse(body).IsValid);

        Assert.True(parser.TryParsePlain(body, out var plain));

        AssertSameResult(NewParser().ParseGeneral(body), plain);
        Assert.Equal(ValidEventJson.TxHash, plain.Value.TxHash);
    }

    [Theory]
    [InlineData("a repeated field", "", """ "amount":"1","amount":"2" """)]
    [InlineData("a zero amount", "amount", """ "amount":0 """)]
    [InlineData("a negative amount", "amount", """ "amount":-1 """)]
    [InlineData("an amount with an exponent", "amount", """ "amount":1e2 """)]
    [InlineData("an amount of more digits than the plain reading takes", "amount", """ "amount":"12345678901234567890.5" """)]
    [InlineData("a null required field", "platform", """ "platform":null """)]
    [InlineData("an empty required field", "chain", """ "chain":"" """)]
    [InlineData("a number for a string field", "asset", """ "asset":5 """)]
    [InlineData("leading white space in a value", "platform", """ "platform":" northwind" """)]
    [InlineData("an unknown platform type", "platformType", """ "platformType":"cex" """)]
    [InlineData("a negative balance", "balanceAfter", """ "balanceAfter":"-1" """)]
    [InlineData("a boolean amount in USD", "amountUsd", """ "amountUsd":true """)]
    [InlineData("a timestamp without a UTC designator", "timestamp", """ "timestamp":"2026-06-01T11:30:00" """)]
    [InlineData("a timestamp too far ahead", "timestamp", """ "timestamp":"2026-06-01T14:00:00Z" """)]
    [InlineData("a timestamp before the minimum", "timestamp", """ "timestamp":"2001-01-01T00:00:00Z" """)]
    [InlineData("an escaped value", "accountId", """ "accountId":"acct\u002D42" """)]
    [InlineData("a nested unknown field", "", """ "memo":{"note":"x"} """)]
    public void TryParsePlain_AnythingButAPlainValidEvent_IsLeftToTheGeneralPath(string what, string replaced, string member)
    {
        var rest = replaced.Length == 0 ? ValidEventJson.Body() : ValidEventJson.Without(replaced);
        var body = Encoding.UTF8.GetBytes(rest[..^1] + "," + member.Trim() + "}");
        var parser = NewParser();
        var first = new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero);
        Assert.True(parser.Parse(ValidEventJson.With("timestamp", first.ToString("O"))).IsValid); // so the clock bound is set
        Assert.True(parser.TryParsePlain(Encoding.UTF8.GetBytes(ValidEventJson.Body()), out _));

        Assert.False(parser.TryParsePlain(body, out _), what);
    }

    [Theory]
    [InlineData("accountId", "\"\"")]
    [InlineData("txHash", "\"\"")]
    [InlineData("accountId", "null")]
    [InlineData("txHash", "null")]
    [InlineData("amountUsd", "null")]
    [InlineData("balanceAfter", "null")]
    [InlineData("platformType", "null")]
    [InlineData("platformType", "\"bridge\"")]
    [InlineData("amount", "7")]
    [InlineData("amountUsd", "0")]
    [InlineData("txHash", "\"0xABC\"")]
    [InlineData("timestamp", "\"2026-06-01T20:30:00+09:00\"")]
    public void TryParsePlain_OptionalOrAlternativeForms_GiveWhatTheGeneralPathGives(string name, string rawValue)
    {
        var body = Encoding.UTF8.GetBytes(ValidEventJson.WithRaw(name, rawValue));
        var parser = NewParser();
        Assert.True(parser.Parse(ValidEventJson.Body()).IsValid);

        Assert.True(parser.TryParsePlain(body, out var plain));

        AssertSameResult(NewParser().ParseGeneral(body), plain);
    }

    [Fact]
    public void TryParsePlain_MissingRequiredField_IsLeftToTheGeneralPath()
    {
        var parser = NewParser();
        Assert.True(parser.Parse(ValidEventJson.Body()).IsValid);
        Assert.True(parser.TryParsePlain(Encoding.UTF8.GetBytes(ValidEventJson.Body()), out _));

        foreach (var name in new[] { "eventId", "platform", "chain", "asset", "amount", "sourceWallet", "destinationAddress", "timestamp" })
        {
            Assert.False(parser.TryParsePlain(Encoding.UTF8.GetBytes(ValidEventJson.Without(name)), out _), name);
        }
    }

    // Serialized events (plain, escaped, numbers as numbers or strings, nulls written or left out), and the same bodies with
    // random ASCII edits or cut short, which make every kind of refusal and broken syntax.
    [Fact]
    public void Parse_AnyBody_GivesWhatTheGeneralPathGives()
    {
        var parser = NewParser();
        var general = NewParser();
        var probe = NewParser();
        var edits = Gen.Select(Gen.Int[0, 1_000], Gen.Byte[0x20, 0x7E]).Array[0, 3];
        var bodies = Gen.Select(SerializedEvent, edits, Gen.Int[0, 100], (body, changes, cut) =>
        {
            foreach (var (position, value) in changes)
            {
                body[position % body.Length] = value;
            }

            return cut < 90 ? body : body[..(body.Length * (cut - 89) / 11)];
        });
        var (taken, valid) = (0, 0);

        bodies.Sample(body =>
        {
            if (body.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0)
            {
                return; // Blank: refused before either path is tried.
            }

            var expected = general.ParseGeneral(body);
            valid += expected.IsValid ? 1 : 0;
            if (probe.TryParsePlain(body, out var plain))
            {
                taken++;
                AssertSameResult(expected, plain);
            }
            else
            {
                probe.Parse(body); // As Parse goes on: the general path reads the clock when it is due.
            }

            AssertSameResult(expected, parser.Parse(body));
        }, iter: 20_000, threads: 1);

        Assert.True(taken > valid / 5, $"the fast path took {taken} of {valid} valid bodies");
    }

    [Fact]
    public void Parse_ThroughEitherPath_ReadsTheClockAsOften()
    {
        var plainClock = new SteppableClock(ValidEventJson.Now);
        var generalClock = new SteppableClock(ValidEventJson.Now);
        var parser = new WithdrawalEventParser(clock: plainClock);
        var general = new WithdrawalEventParser(clock: generalClock);
        var bodies = new[]
        {
            ValidEventJson.Body(),
            ValidEventJson.With("timestamp", "2026-06-01T12:30:00Z"),
            ValidEventJson.With("timestamp", "2026-06-01T14:00:00Z"),
            ValidEventJson.With("amount", "0"),
        }.Select(Encoding.UTF8.GetBytes).ToArray();

        for (var i = 0; i < 5_000; i++)
        {
            var body = bodies[i % 7 % bodies.Length];
            AssertSameResult(general.ParseGeneral(body), parser.Parse(body));
            Assert.Equal(generalClock.Reads, plainClock.Reads);
            if (i % 1_500 == 0)
            {
                plainClock.Now += TimeSpan.FromMinutes(20);
                generalClock.Now += TimeSpan.FromMinutes(20);
            }
        }

        Assert.True(plainClock.Reads > 5, $"{plainClock.Reads} reads");
    }

    private static ContractEventDto Plain(ContractEventDto dto) => dto with
    {
        EventId = Plain(dto.EventId),
        Platform = Plain(dto.Platform),
        Chain = Plain(dto.Chain),
        Asset = Plain(dto.Asset),
        SourceWallet = Plain(dto.SourceWallet),
        AccountId = dto.AccountId is { } account ? Plain(account) : null,
        DestinationAddress = Plain(dto.DestinationAddress),
        TxHash = dto.TxHash is { } hash ? Plain(hash) : null,
    };

    private static string Plain(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' and not ('"' or '\\' or '+') ? c : 'p'));

    private static WithdrawalEventParser NewParser() => new(clock: new FakeTimeProvider(ValidEventJson.Now));

    private static void AssertSameResult(ParseResult expected, ParseResult actual)
    {
        Assert.Equal(expected.IsValid, actual.IsValid);
        if (!expected.IsValid)
        {
            Assert.Equal(expected.Rejection!.Reason, actual.Rejection!.Reason);
            Assert.Equal(expected.Rejection.Message, actual.Rejection.Message);
            return;
        }

        var (e, a) = (expected.Value, actual.Value);
        Assert.Equal(e.EventId, a.EventId);
        Assert.Equal(e.Platform, a.Platform);
        Assert.Equal(e.PlatformType, a.PlatformType);
        Assert.Equal(e.Chain, a.Chain);
        Assert.Equal(e.Asset, a.Asset);
        Assert.Equal(decimal.GetBits(e.Amount), decimal.GetBits(a.Amount)); // the bits, so the written scale too
        Assert.Equal(Bits(e.AmountUsd), Bits(a.AmountUsd));
        Assert.Equal(e.SourceWallet, a.SourceWallet);
        Assert.Equal(Bits(e.BalanceAfter), Bits(a.BalanceAfter));
        Assert.Equal(e.AccountId, a.AccountId);
        Assert.Equal(e.DestinationAddress, a.DestinationAddress);
        Assert.Equal(e.TxHashValue, a.TxHashValue);
        Assert.Equal(e.TxHash, a.TxHash);
        Assert.Equal(e.Timestamp.UtcTicks, a.Timestamp.UtcTicks);
        Assert.Equal(e.Timestamp.Offset, a.Timestamp.Offset);
    }

    private static int[]? Bits(decimal? value) => value is { } d ? decimal.GetBits(d) : null;
}
