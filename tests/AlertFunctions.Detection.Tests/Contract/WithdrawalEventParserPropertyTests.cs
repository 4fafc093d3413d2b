using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AlertFunctions.Detection.Contract;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

/// <remarks>A test that shares one parser samples on one thread: a parser is not thread-safe.</remarks>
public sealed class WithdrawalEventParserPropertyTests
{
    private static readonly DateTimeOffset MinTimestamp = new(2009, 1, 3, 0, 0, 0, TimeSpan.Zero);

    // Producers differ: some omit nulls, some write them; some write amounts as numbers, some as strings.
    internal static readonly JsonTypeInfo<ContractEventDto>[] Serializers =
    [
        ContractEventJsonContext.Default.ContractEventDto,
        TypeInfo(new JsonSerializerOptions(ContractEventJsonContext.Default.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never }),
        TypeInfo(new JsonSerializerOptions(ContractEventJsonContext.Default.Options) { NumberHandling = JsonNumberHandling.WriteAsString }),
    ];

    // Letters, digits, separators, and characters the serializer escapes (quote, backslash, '+', non-ASCII).
    private static readonly Gen<char> IdentifierChar = Gen.Char["abcxyzABCXYZ0189-_.:+ \"\\/é中€"];

    private static readonly Gen<string> Identifier = Gen.String[IdentifierChar, 1, 40]
        .Where(s => !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]));

    private static readonly Gen<string> EventId = Gen.String[IdentifierChar, 1, 128]
        .Where(s => !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]));

    // Asset units: every mantissa up to 2^63 stays under the contract's 10^20 limit.
    private static readonly Gen<decimal> PositiveDecimal =
        Gen.Select(Gen.Long[1, long.MaxValue], Gen.Int[0, 28], (mantissa, scale) => Exact(mantissa, scale));

    private static readonly Gen<decimal?> OptionalNonNegativeDecimal = Gen.OneOf(
        Gen.Const<decimal?>((decimal?)null),
        Gen.Const<decimal?>(0m),
        PositiveDecimal.Select(d => (decimal?)d));

    // USD: up to the contract's 10^15 limit.
    private static readonly Gen<decimal?> OptionalNonNegativeUsd = Gen.OneOf(
        Gen.Const<decimal?>((decimal?)null),
        Gen.Const<decimal?>(0m),
        Gen.Select(Gen.Long[1, 1_000_000_000_000_000], Gen.Int[0, 28], (mantissa, scale) => (decimal?)Exact(mantissa, scale)));

    private static readonly Gen<string?> OptionalIdentifier = Gen.OneOf(Gen.Const<string?>((string?)null), Identifier.Select(s => (string?)s));

    // Transaction hashes in the usual spelling (held as bytes, see TransactionHash), in the spellings that stay strings, or any identifier.
    private static readonly Gen<string?> OptionalTxHash = Gen.OneOf(
        OptionalIdentifier,
        Gen.Byte.Array[32].Select(b => (string?)("0x" + Convert.ToHexStringLower(b))),
        Gen.Byte.Array[32].Select(b => (string?)Convert.ToHexStringLower(b)),
        Gen.Byte.Array[32].Select(b => (string?)("0x" + Convert.ToHexString(b))),
        Gen.Byte.Array[31, 33].Select(b => (string?)("0X" + Convert.ToHexStringLower(b))));

    private static readonly Gen<string?> PlatformTypeName = Gen.OneOf(
        Gen.Const<string?>((string?)null), Gen.Const<string?>("exchange"), Gen.Const<string?>("defi"), Gen.Const<string?>("bridge"));

    // Any instant from Bitcoin's genesis to the allowed skew ahead of the clock, written in any quarter-hour offset.
    private static readonly Gen<DateTimeOffset> Timestamp = Gen.Select(
        Gen.Long[MinTimestamp.UtcTicks, (ValidEventJson.Now + TimeSpan.FromHours(1)).UtcTicks],
        Gen.Int[-48, 56],
        (ticks, quarters) => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(15 * quarters)));

    internal static readonly Gen<ContractEventDto> ValidEvent = Gen.Select(
        Gen.Select(EventId, Identifier, PlatformTypeName, Identifier, Identifier, PositiveDecimal, OptionalNonNegativeUsd),
        Gen.Select(Identifier, OptionalNonNegativeDecimal, OptionalIdentifier, Identifier, OptionalTxHash, Timestamp),
        (a, b) => new ContractEventDto(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6));

    [Fact]
    public void Parse_AnyValidSerializedEvent_RoundTripsEveryField()
    {
        Gen.Select(ValidEvent, Gen.Int[0, Serializers.Length - 1]).Sample((dto, serializer) =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(dto, Serializers[serializer]);
            var parser = new WithdrawalEventParser(clock: new FakeTimeProvider(ValidEventJson.Now));

            var result = parser.Parse(body);

            Assert.True(result.IsValid, $"{result.Rejection} for {Encoding.UTF8.GetString(body)}");
            var e = result.Value;
            Assert.Equal(dto.EventId, e.EventId);
            Assert.Equal(dto.Platform, e.Platform);
            Assert.Equal(ExpectedPlatformType(dto.PlatformType), e.PlatformType);
            Assert.Equal(dto.Chain, e.Chain);
            Assert.Equal(dto.Asset, e.Asset);
            Assert.Equal(dto.Amount, e.Amount);
            Assert.Equal(dto.AmountUsd, e.AmountUsd);
            Assert.Equal(dto.SourceWallet, e.SourceWallet);
            Assert.Equal(dto.BalanceAfter, e.BalanceAfter);
            Assert.Equal(dto.AccountId, e.AccountId);
            Assert.Equal(dto.DestinationAddress, e.DestinationAddress);
            Assert.Equal(dto.TxHash, e.TxHash);
            Assert.Equal(dto.Timestamp.UtcTicks, e.Timestamp.UtcTicks);
            Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
        }, iter: 2_000);
    }

    [Fact]
    public void Parse_ArbitraryBytes_NeverThrowsAndIsValidXorRejected()
    {
        var parser = new WithdrawalEventParser(clock: new FakeTimeProvider(ValidEventJson.Now));

        Gen.Byte.Array[0, 512].Sample(body => AssertValidXorRejected(parser.Parse(body)), iter: 5_000, threads: 1);
    }

    [Fact]
    public void Parse_ValidBodyWithRandomAsciiEditsOrTruncation_NeverThrowsAndIsValidXorRejected()
    {
        AssertEditedBodiesNeverThrow(Gen.Byte[0, 0x7F]);
    }

    [Fact]
    public void Parse_EscapedStringValueWithArbitraryBytes_NeverThrowsAndIsValidXorRejected()
    {
        var parser = new WithdrawalEventParser(clock: new FakeTimeProvider(ValidEventJson.Now));
        var content = Gen.Byte.Where(b => b is not ((byte)'"' or (byte)'\\')).Array[1, 16];

        content.Sample(bytes =>
        {
            var body = Encoding.UTF8.GetBytes("{\"platform\":\"\\n").Concat(bytes).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

            AssertValidXorRejected(parser.Parse(body));
        }, iter: 1_000, threads: 1);
    }

    private static void AssertEditedBodiesNeverThrow(Gen<byte> replacement)
    {
        var parser = new WithdrawalEventParser(clock: new FakeTimeProvider(ValidEventJson.Now));
        var valid = Encoding.UTF8.GetBytes(ValidEventJson.Body());
        var edits = Gen.Select(Gen.Int[0, valid.Length - 1], replacement).Array[1, 4];

        Gen.Select(edits, Gen.Int[1, valid.Length]).Sample((changes, length) =>
        {
            var body = valid[..length];
            foreach (var (position, value) in changes)
            {
                if (position < body.Length)
                {
                    body[position] = value;
                }
            }

            AssertValidXorRejected(parser.Parse(body));
        }, iter: 20_000, threads: 1);
    }

    private static void AssertValidXorRejected(ParseResult result)
    {
        if (result.IsValid)
        {
            Assert.Null(result.Rejection);
            Assert.True(result.Value.Amount > 0m);
            Assert.Equal(TimeSpan.Zero, result.Value.Timestamp.Offset);
            Assert.False(string.IsNullOrEmpty(result.Value.EventId));
            Assert.False(string.IsNullOrEmpty(result.Value.DestinationAddress));
        }
        else
        {
            Assert.NotNull(result.Rejection);
            Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Message));
            Assert.True(Enum.IsDefined(result.Rejection.Reason));
        }
    }

    private static PlatformType ExpectedPlatformType(string? name) => name switch
    {
        null or "exchange" => PlatformType.Exchange,
        "defi" => PlatformType.Defi,
        "bridge" => PlatformType.Bridge,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static decimal Exact(long mantissa, int scale) =>
        new(unchecked((int)(mantissa & 0xFFFF_FFFF)), unchecked((int)(mantissa >> 32)), 0, isNegative: false, (byte)scale);

    private static JsonTypeInfo<ContractEventDto> TypeInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<ContractEventDto>)options.GetTypeInfo(typeof(ContractEventDto));
}
