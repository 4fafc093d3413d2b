using System.Text;
using AlertFunctions.Detection.Contract;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

public sealed class WithdrawalEventParserTests
{
    private readonly WithdrawalEventParser _parser = new(clock: new FakeTimeProvider(ValidEventJson.Now));

    [Fact]
    public void Parse_FullValidEvent_ReturnsExactlyTheFields()
    {
        var result = _parser.Parse(ValidEventJson.Body());

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Null(result.Rejection);
        var e = result.Value;
        Assert.Equal("evt-0001", e.EventId);
        Assert.Equal("northwind-exchange", e.Platform);
        Assert.Equal(PlatformType.Exchange, e.PlatformType);
        Assert.Equal("ethereum", e.Chain);
        Assert.Equal("ETH", e.Asset);
        Assert.Equal(12.5m, e.Amount);
        Assert.Equal(37500.25m, e.AmountUsd);
        Assert.Equal(ValidEventJson.SourceWallet, e.SourceWallet);
        Assert.Equal(987.654321m, e.BalanceAfter);
        Assert.Equal("acct-42", e.AccountId);
        Assert.Equal(ValidEventJson.DestinationAddress, e.DestinationAddress);
        Assert.Equal(ValidEventJson.TxHash, e.TxHash);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 30, 0, TimeSpan.Zero), e.Timestamp);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
    }

    [Theory]
    [InlineData("\"0.1\"", "0.1")]
    [InlineData("0.1", "0.1")]
    [InlineData("123456789.123456789", "123456789.123456789")]
    [InlineData("\"123456789.123456789\"", "123456789.123456789")]
    [InlineData("0.000000000000000001", "0.000000000000000001")]
    [InlineData("\"99999999999999999999.12345678\"", "99999999999999999999.12345678")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    [InlineData("\"99999999999999999999\"", "99999999999999999999")]
    [InlineData("1e3", "1000")]
    [InlineData("\"2.5E+2\"", "250")]
    public void Parse_Amount_IsExactDecimal(string rawAmount, string expected)
    {
        var result = _parser.Parse(ValidEventJson.WithRaw("amount", rawAmount));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value.Amount);
    }

    [Fact]
    public void Parse_AmountPointOneAsString_DoesNotGoThroughDouble()
    {
        var result = _parser.Parse(ValidEventJson.WithRaw("amount", "\"0.1\""));

        // 0.1 as a double is 0.1000000000000000055511151231257827...; as a decimal it is exactly 1 × 10^-1.
        Assert.Equal(new decimal(1, 0, 0, false, 1), result.Value.Amount);
        Assert.Equal("0.1", result.Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_LargeAmountAsNumber_KeepsEveryDigit()
    {
        var result = _parser.Parse(ValidEventJson.WithRaw("amount", "123456789.123456789"));

        Assert.Equal("123456789.123456789", result.Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-06-01T11:30:00Z", "2026-06-01T11:30:00.0000000+00:00")]
    [InlineData("2026-06-01T13:30:00+02:00", "2026-06-01T11:30:00.0000000+00:00")]
    [InlineData("2026-06-01T06:30:00-05:00", "2026-06-01T11:30:00.0000000+00:00")]
    [InlineData("2026-06-01T11:30:00.1234567Z", "2026-06-01T11:30:00.1234567+00:00")]
    [InlineData("2026-06-01T11:30:00+00:00", "2026-06-01T11:30:00.0000000+00:00")]
    public void Parse_TimestampWithOffset_IsConvertedToUtc(string timestamp, string expectedRoundTrip)
    {
        var result = _parser.Parse(ValidEventJson.With("timestamp", timestamp));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(TimeSpan.Zero, result.Value.Timestamp.Offset);
        Assert.Equal(expectedRoundTrip, result.Value.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_OptionalFieldsAbsent_AreNull()
    {
        var result = _parser.Parse(ValidEventJson.Without("amountUsd", "balanceAfter", "accountId", "txHash", "platformType"));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Null(result.Value.AmountUsd);
        Assert.Null(result.Value.BalanceAfter);
        Assert.Null(result.Value.AccountId);
        Assert.Null(result.Value.TxHash);
        Assert.Equal(PlatformType.Exchange, result.Value.PlatformType);
    }

    [Theory]
    [InlineData("amountUsd")]
    [InlineData("balanceAfter")]
    [InlineData("accountId")]
    [InlineData("txHash")]
    public void Parse_OptionalFieldNull_IsNull(string field)
    {
        var result = _parser.Parse(ValidEventJson.WithRaw(field, "null"));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Null(field switch
        {
            "amountUsd" => (object?)result.Value.AmountUsd,
            "balanceAfter" => result.Value.BalanceAfter,
            "accountId" => result.Value.AccountId,
            _ => result.Value.TxHash,
        });
    }

    [Theory]
    [InlineData("accountId")]
    [InlineData("txHash")]
    public void Parse_OptionalStringEmpty_IsNull(string field)
    {
        var result = _parser.Parse(ValidEventJson.With(field, string.Empty));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Null(field == "accountId" ? result.Value.AccountId : result.Value.TxHash);
    }

    [Theory]
    [InlineData("amountUsd")]
    [InlineData("balanceAfter")]
    public void Parse_OptionalDecimalZero_IsZero(string field)
    {
        var result = _parser.Parse(ValidEventJson.WithRaw(field, "0"));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(0m, field == "amountUsd" ? result.Value.AmountUsd : result.Value.BalanceAfter);
    }

    [Theory]
    [InlineData("\"exchange\"", PlatformType.Exchange)]
    [InlineData("\"defi\"", PlatformType.Defi)]
    [InlineData("\"bridge\"", PlatformType.Bridge)]
    [InlineData("null", PlatformType.Exchange)]
    public void Parse_PlatformType_MapsEachValue(string raw, PlatformType expected)
    {
        var result = _parser.Parse(ValidEventJson.WithRaw("platformType", raw));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(expected, result.Value.PlatformType);
    }

    [Fact]
    public void Parse_PlatformTypeAbsent_DefaultsToExchange()
    {
        var result = _parser.Parse(ValidEventJson.Without("platformType"));

        Assert.Equal(PlatformType.Exchange, result.Value.PlatformType);
    }

    [Theory]
    [InlineData("\"x-producer\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{\"nested\":{\"deeper\":[1,2,{\"a\":\"b\"}]},\"eventId\":\"not-this-one\"}")]
    [InlineData("[[1,2],[3,{\"amount\":-1}],\"timestamp\"]")]
    public void Parse_UnknownField_IsIgnored(string raw)
    {
        var result = _parser.Parse(ValidEventJson.WithRaw("producerExtra", raw));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal("evt-0001", result.Value.EventId);
        Assert.Equal(12.5m, result.Value.Amount);
    }

    [Fact]
    public void Parse_FieldNamesAreCaseSensitive_UpperCaseNameIsAnUnknownField()
    {
        var result = _parser.Parse(ValidEventJson.WithRaw("Amount", "-5"));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(12.5m, result.Value.Amount);
    }

    [Fact]
    public void Parse_EscapedStringValue_IsUnescaped()
    {
        var result = _parser.Parse(ValidEventJson.Body().Replace("\"acct-42\"", "\"acct-\\u0034\\u0032\"", StringComparison.Ordinal));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal("acct-42", result.Value.AccountId);
    }

    [Fact]
    public void Parse_EscapedPropertyName_IsMatchedAfterUnescaping()
    {
        var result = _parser.Parse(ValidEventJson.Body().Replace("\"platform\":", "\"plat\\u0066orm\":", StringComparison.Ordinal));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal("northwind-exchange", result.Value.Platform);
    }

    [Fact]
    public void Parse_Utf8Bytes_AndStringOverload_Agree()
    {
        var body = ValidEventJson.Body();

        var fromString = _parser.Parse(body);
        var fromBytes = _parser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(fromString.Value, fromBytes.Value);
    }

    // ---- One test per rejection reason, each with its exact message. ----

    [Fact]
    public void Parse_BodyOverLimit_IsBodyTooLarge()
    {
        var parser = new WithdrawalEventParser(new ParserOptions { MaxBodyBytes = 100 }, new FakeTimeProvider(ValidEventJson.Now));
        var body = new byte[101];
        Array.Fill(body, (byte)' ');

        AssertRejected(parser.Parse(body), RejectionReason.BodyTooLarge, "body is 101 bytes; the limit is 100 bytes");
    }

    [Fact]
    public void Parse_BodyOverDefaultLimit_IsBodyTooLarge()
    {
        var body = ValidEventJson.WithRaw("padding", "\"" + new string('x', 64 * 1024) + "\"");

        AssertRejected(_parser.Parse(body), RejectionReason.BodyTooLarge, $"body is {Encoding.UTF8.GetByteCount(body)} bytes; the limit is 65536 bytes");
    }

    [Fact]
    public void Parse_BodyExactlyAtLimit_IsNotTooLarge()
    {
        var body = Encoding.UTF8.GetBytes(ValidEventJson.Body());
        var parser = new WithdrawalEventParser(new ParserOptions { MaxBodyBytes = body.Length }, new FakeTimeProvider(ValidEventJson.Now));

        Assert.True(parser.Parse(body).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" \t\r\n ")]
    public void Parse_BlankBody_IsEmptyBody(string body)
    {
        AssertRejected(_parser.Parse(body), RejectionReason.EmptyBody, "body is empty");
    }

    [Theory]
    [InlineData("{\"eventId\":\"e1\"", "not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed (at byte 16)")]
    [InlineData("{\"eventId\":", "not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed (at byte 12)")]
    [InlineData("{\"eventId\":\"e1\"} x", "not valid JSON: 'x' is invalid after a single JSON value. Expected end of data (at byte 18)")]
    [InlineData("{} {}", "not valid JSON: '{' is invalid after a single JSON value. Expected end of data (at byte 4)")]
    [InlineData("hello", "not valid JSON: 'h' is an invalid start of a value (at byte 1)")]
    [InlineData("{/*comment*/}", "not valid JSON: '/' is invalid after a value. Expected either ',', '}', or ']' (at byte 2)")]
    public void Parse_MalformedJson_IsInvalidJson(string body, string message)
    {
        AssertRejected(_parser.Parse(body), RejectionReason.InvalidJson, message);
    }

    [Fact]
    public void Parse_UnknownFieldNestedBeyondMaxDepth_IsInvalidJson()
    {
        var body = ValidEventJson.WithRaw("deep", new string('[', 20) + new string(']', 20));

        var result = _parser.Parse(body);

        Assert.Equal(RejectionReason.InvalidJson, result.Rejection?.Reason);
        Assert.StartsWith("not valid JSON: The maximum configured depth of 16 has been exceeded.", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "body must be a JSON object, found an array")]
    [InlineData("\"a string\"", "body must be a JSON object, found a string")]
    [InlineData("42", "body must be a JSON object, found a number")]
    [InlineData("true", "body must be a JSON object, found a boolean")]
    [InlineData("null", "body must be a JSON object, found null")]
    public void Parse_JsonThatIsNotAnObject_IsNotAnObject(string body, string message)
    {
        AssertRejected(_parser.Parse(body), RejectionReason.NotAnObject, message);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("platform")]
    [InlineData("chain")]
    [InlineData("asset")]
    [InlineData("amount")]
    [InlineData("sourceWallet")]
    [InlineData("destinationAddress")]
    [InlineData("timestamp")]
    public void Parse_RequiredFieldAbsent_IsMissingField(string field)
    {
        AssertRejected(_parser.Parse(ValidEventJson.Without(field)), RejectionReason.MissingField, $"required field '{field}' is missing");
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("platform")]
    [InlineData("chain")]
    [InlineData("asset")]
    [InlineData("amount")]
    [InlineData("sourceWallet")]
    [InlineData("destinationAddress")]
    [InlineData("timestamp")]
    public void Parse_RequiredFieldNull_IsMissingField(string field)
    {
        AssertRejected(_parser.Parse(ValidEventJson.WithRaw(field, "null")), RejectionReason.MissingField, $"required field '{field}' is null");
    }

    [Fact]
    public void Parse_EmptyObject_NamesTheFirstMissingField()
    {
        AssertRejected(_parser.Parse("{}"), RejectionReason.MissingField, "required field 'eventId' is missing");
    }

    [Theory]
    [InlineData("platform", "5", "field 'platform' must be a string, found a number")]
    [InlineData("eventId", "true", "field 'eventId' must be a string, found a boolean")]
    [InlineData("sourceWallet", "[\"0xabc\"]", "field 'sourceWallet' must be a string, found an array")]
    [InlineData("accountId", "{\"id\":1}", "field 'accountId' must be a string, found an object")]
    [InlineData("txHash", "7", "field 'txHash' must be a string, found a number")]
    [InlineData("chain", "\"\"", "field 'chain' must not be empty")]
    [InlineData("eventId", "\"\"", "field 'eventId' must not be empty")]
    [InlineData("destinationAddress", "\"\"", "field 'destinationAddress' must not be empty")]
    [InlineData("asset", "\" ETH\"", "field 'asset' has leading or trailing white space")]
    [InlineData("sourceWallet", "\"0xabc\\t\"", "field 'sourceWallet' has leading or trailing white space")]
    [InlineData("accountId", "\" \"", "field 'accountId' has leading or trailing white space")]
    [InlineData("platformType", "\"cex\"", "field 'platformType' must be one of exchange, defi, bridge")]
    [InlineData("platformType", "\"Exchange\"", "field 'platformType' must be one of exchange, defi, bridge")]
    [InlineData("platformType", "1", "field 'platformType' must be one of exchange, defi, bridge")]
    [InlineData("balanceAfter", "-1", "field 'balanceAfter' must not be negative, was -1")]
    [InlineData("amountUsd", "\"-0.01\"", "field 'amountUsd' must not be negative, was -0.01")]
    [InlineData("amountUsd", "\"abc\"", "field 'amountUsd' must be a decimal number, found \"abc\"")]
    [InlineData("balanceAfter", "false", "field 'balanceAfter' must be a number or a numeric string, found a boolean")]
    [InlineData("amountUsd", "1000000000000000.01", "field 'amountUsd' must be at most 10^15, was 1000000000000000.01")]
    [InlineData("balanceAfter", "\"1e21\"", "field 'balanceAfter' must be at most 10^20, was 1000000000000000000000")]
    public void Parse_FieldWithInvalidValue_IsInvalidField(string field, string raw, string message)
    {
        AssertRejected(_parser.Parse(ValidEventJson.WithRaw(field, raw)), RejectionReason.InvalidField, message);
    }

    [Fact]
    public void Parse_EventIdLongerThan128_IsInvalidField()
    {
        AssertRejected(_parser.Parse(ValidEventJson.With("eventId", new string('e', 129))), RejectionReason.InvalidField, "field 'eventId' is longer than 128 characters");
    }

    [Fact]
    public void Parse_EventIdOf128_IsValid()
    {
        var result = _parser.Parse(ValidEventJson.With("eventId", new string('e', 128)));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(128, result.Value.EventId.Length);
    }

    [Fact]
    public void Parse_AddressLongerThanMaxFieldLength_IsInvalidField()
    {
        AssertRejected(_parser.Parse(ValidEventJson.With("destinationAddress", new string('a', 257))), RejectionReason.InvalidField, "field 'destinationAddress' is longer than 256 characters");
    }

    [Theory]
    [InlineData("0", "field 'amount' must be greater than 0, was 0")]
    [InlineData("-1", "field 'amount' must be greater than 0, was -1")]
    [InlineData("\"-0.5\"", "field 'amount' must be greater than 0, was -0.5")]
    [InlineData("0.000", "field 'amount' must be greater than 0, was 0.000")]
    public void Parse_AmountZeroOrNegative_IsAmountNotPositive(string raw, string message)
    {
        AssertRejected(_parser.Parse(ValidEventJson.WithRaw("amount", raw)), RejectionReason.AmountNotPositive, message);
    }

    [Theory]
    [InlineData("100000000000000000000.1", "field 'amount' must be at most 10^20, was 100000000000000000000.1")]
    [InlineData("\"5e28\"", "field 'amount' must be at most 10^20, was 50000000000000000000000000000")]
    public void Parse_AmountAbove10To20_IsAmountTooLarge(string raw, string message)
    {
        AssertRejected(_parser.Parse(ValidEventJson.WithRaw("amount", raw)), RejectionReason.AmountTooLarge, message);
    }

    [Fact]
    public void Parse_AmountsAtTheirLimits_AreValid()
    {
        var atLimit = _parser.Parse(ValidEventJson.WithRaw("amount", "\"1e20\""));
        var usdAtLimit = _parser.Parse(ValidEventJson.WithRaw("amountUsd", "1e15"));

        Assert.True(atLimit.IsValid, atLimit.Rejection?.ToString());
        Assert.Equal(AmountLimits.MaxAssetUnits, atLimit.Value.Amount);
        Assert.True(usdAtLimit.IsValid, usdAtLimit.Rejection?.ToString());
        Assert.Equal(AmountLimits.MaxUsd, usdAtLimit.Value.AmountUsd);
    }

    [Theory]
    [InlineData("\"abc\"", "field 'amount' must be a decimal number, found \"abc\"")]
    [InlineData("\"\"", "field 'amount' must be a decimal number, found \"\"")]
    [InlineData("\"1,5\"", "field 'amount' must be a decimal number, found \"1,5\"")]
    [InlineData("\"NaN\"", "field 'amount' must be a decimal number, found \"NaN\"")]
    [InlineData("true", "field 'amount' must be a number or a numeric string, found a boolean")]
    [InlineData("1e400", "field 'amount' is out of the decimal range")]
    [InlineData("{\"value\":1}", "field 'amount' must be a number or a numeric string, found an object")]
    [InlineData("[1]", "field 'amount' must be a number or a numeric string, found an array")]
    public void Parse_AmountNotNumeric_IsAmountNotANumber(string raw, string message)
    {
        AssertRejected(_parser.Parse(ValidEventJson.WithRaw("amount", raw)), RejectionReason.AmountNotANumber, message);
    }

    [Fact]
    public void Parse_AmountLongGarbageString_IsTruncatedInTheMessage()
    {
        var garbage = new string('z', 100);

        AssertRejected(_parser.Parse(ValidEventJson.With("amount", garbage)), RejectionReason.AmountNotANumber, $"field 'amount' must be a decimal number, found \"{new string('z', 64)}...\"");
    }

    [Theory]
    [InlineData("\"yesterday\"", "field 'timestamp' is not an ISO-8601 date-time: \"yesterday\"")]
    [InlineData("\"2026-13-01T00:00:00Z\"", "field 'timestamp' is not an ISO-8601 date-time: \"2026-13-01T00:00:00Z\"")]
    [InlineData("\"01/06/2026 11:30\"", "field 'timestamp' is not an ISO-8601 date-time: \"01/06/2026 11:30\"")]
    [InlineData("\"2026-06-01T11:30:00z\"", "field 'timestamp' is not an ISO-8601 date-time: \"2026-06-01T11:30:00z\"")]
    [InlineData("1780313400", "field 'timestamp' must be an ISO-8601 string, found a number")]
    public void Parse_TimestampNotIso8601_IsTimestampUnparsable(string raw, string message)
    {
        AssertRejected(_parser.Parse(ValidEventJson.WithRaw("timestamp", raw)), RejectionReason.TimestampUnparsable, message);
    }

    [Theory]
    [InlineData("2026-06-01T11:30:00")]
    [InlineData("2026-06-01T11:30:00.123")]
    [InlineData("2026-06-01")]
    public void Parse_TimestampWithoutOffset_IsTimestampNotUtc(string timestamp)
    {
        AssertRejected(_parser.Parse(ValidEventJson.With("timestamp", timestamp)), RejectionReason.TimestampNotUtc, "field 'timestamp' has no UTC designator: end it with 'Z' (or an explicit offset)");
    }

    [Fact]
    public void Parse_TimestampMoreThanSkewAhead_IsTimestampInFuture()
    {
        AssertRejected(
            _parser.Parse(ValidEventJson.With("timestamp", "2026-06-01T13:00:01Z")),
            RejectionReason.TimestampInFuture,
            "field 'timestamp' 2026-06-01T13:00:01.0000000+00:00 is more than 01:00:00 ahead of the receiver's clock");
    }

    [Fact]
    public void Parse_TimestampExactlySkewAhead_IsAccepted()
    {
        Assert.True(_parser.Parse(ValidEventJson.With("timestamp", "2026-06-01T13:00:00Z")).IsValid);
    }

    [Fact]
    public void Parse_TimestampInFuture_FollowsTheInjectedClock()
    {
        var clock = new FakeTimeProvider(ValidEventJson.Now - TimeSpan.FromHours(2));
        var parser = new WithdrawalEventParser(clock: clock);
        var body = ValidEventJson.With("timestamp", "2026-06-01T15:00:00+02:00");

        AssertRejected(parser.Parse(body), RejectionReason.TimestampInFuture, "field 'timestamp' 2026-06-01T13:00:00.0000000+00:00 is more than 01:00:00 ahead of the receiver's clock");

        clock.Advance(TimeSpan.FromHours(2));

        Assert.True(parser.Parse(body).IsValid);
    }

    [Fact]
    public void Parse_ManyEventsWithinTheBound_ReadTheClockOnce()
    {
        var clock = new SteppableClock(ValidEventJson.Now);
        var parser = new WithdrawalEventParser(clock: clock);
        var body = Encoding.UTF8.GetBytes(ValidEventJson.Body());

        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(parser.Parse(body).IsValid);
        }

        Assert.Equal(1, clock.Reads);
    }

    [Fact]
    public void Parse_ClockSteppedBack_IsFollowedWithinTheRereadInterval()
    {
        var clock = new SteppableClock(ValidEventJson.Now);
        var parser = new WithdrawalEventParser(clock: clock);
        var nearFuture = ValidEventJson.With("timestamp", "2026-06-01T12:50:00Z");
        Assert.True(parser.Parse(nearFuture).IsValid);

        clock.Now = ValidEventJson.Now - TimeSpan.FromHours(2);
        var body = Encoding.UTF8.GetBytes(ValidEventJson.With("timestamp", "2026-06-01T09:00:00Z"));
        for (var i = 0; i < 1_024; i++)
        {
            parser.Parse(body);
        }

        AssertRejected(parser.Parse(nearFuture), RejectionReason.TimestampInFuture, "field 'timestamp' 2026-06-01T12:50:00.0000000+00:00 is more than 01:00:00 ahead of the receiver's clock");
    }

    [Fact]
    public void Parse_Timestamp2008_IsTimestampTooOld()
    {
        AssertRejected(
            _parser.Parse(ValidEventJson.With("timestamp", "2008-10-31T00:00:00Z")),
            RejectionReason.TimestampTooOld,
            "field 'timestamp' 2008-10-31T00:00:00.0000000+00:00 is before 2009-01-03");
    }

    [Fact]
    public void Parse_TimestampAtGenesis_IsAccepted()
    {
        Assert.True(_parser.Parse(ValidEventJson.With("timestamp", "2009-01-03T00:00:00Z")).IsValid);
    }

    [Fact]
    public void Rejection_Code_IsTheKebabCaseContractCode()
    {
        var rejection = _parser.Parse(ValidEventJson.WithRaw("amount", "0")).Rejection!;

        Assert.Equal("amount-not-positive", rejection.Code);
        Assert.Equal("amount-not-positive: field 'amount' must be greater than 0, was 0", rejection.ToString());
    }

    [Fact]
    public void Parse_InvalidUtf8InAPlainString_IsInvalidJson()
    {
        var body = Encoding.UTF8.GetBytes(ValidEventJson.Body().Replace("\"eventId\":\"", "\"eventId\":\"\u0001", StringComparison.Ordinal));
        var marker = Array.IndexOf(body, (byte)1);
        body[marker] = 0xFF;

        AssertRejected(_parser.Parse(body), RejectionReason.InvalidJson, $"not valid JSON: the body is not valid UTF-8 (at byte {marker + 1})");
    }

    [Fact]
    public void Parse_TwoEventIdsThatDifferOnlyInInvalidUtf8_AreBothRefused()
    {
        // Decoded leniently, both ids would read "id\uFFFD": one event, and the other skipped as its duplicate.
        var first = EventWithIdBytes([(byte)'i', (byte)'d', 0xFF]);
        var second = EventWithIdBytes([(byte)'i', (byte)'d', 0xFE]);

        Assert.Equal(RejectionReason.InvalidJson, _parser.Parse(first).Rejection?.Reason);
        Assert.Equal(RejectionReason.InvalidJson, _parser.Parse(second).Rejection?.Reason);
    }

    [Theory]
    [InlineData("amount", "\"amount\":\"2\"")]
    [InlineData("eventId", "\"eventId\":\"other\"")]
    [InlineData("timestamp", "\"timestamp\":\"2026-06-01T11:31:00Z\"")]
    [InlineData("destinationAddress", "\"destin\\u0061tionAddress\":\"0xabc\"")]
    public void Parse_ARepeatedContractField_IsInvalidField(string field, string repeated)
    {
        var body = ValidEventJson.Body()[..^1] + "," + repeated + "}";

        AssertRejected(_parser.Parse(body), RejectionReason.InvalidField, $"field '{field}' appears more than once");
    }

    [Fact]
    public void Parse_ARepeatedUnknownField_IsIgnored()
    {
        var body = ValidEventJson.Body()[..^1] + ",\"memo\":\"a\",\"memo\":\"b\"}";

        Assert.True(_parser.Parse(body).IsValid);
    }

    [Fact]
    public void Parse_EscapedStringWithInvalidUtf8_IsRejectedNotThrown()
    {
        // An escape sequence forces Utf8JsonReader.GetString(), which throws InvalidOperationException on invalid UTF-8.
        var body = Encoding.UTF8.GetBytes("{\"platform\":\"\\n")
            .Concat(new byte[] { 0xFF, 0xFE })
            .Concat(Encoding.UTF8.GetBytes("\"}"))
            .ToArray();

        var result = _parser.Parse(body);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_TimestampWithJsonEscapedPlusOffset_IsConvertedToUtc()
    {
        var body = ValidEventJson.Body().Replace("2026-06-01T11:30:00Z", "2026-06-01T13:30:00\\u002B02:00", StringComparison.Ordinal);

        var result = _parser.Parse(body);

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 30, 0, TimeSpan.Zero), result.Value.Timestamp);
    }

    [Fact]
    public void Parse_AmountStringWithJsonEscape_IsUnescapedAndParsed()
    {
        var result = _parser.Parse(ValidEventJson.Body().Replace("\"12.5\"", "\"2.5E\\u002B2\"", StringComparison.Ordinal));

        Assert.True(result.IsValid, result.Rejection?.ToString());
        Assert.Equal(250m, result.Value.Amount);
    }

    private static byte[] EventWithIdBytes(byte[] id)
    {
        var text = Encoding.UTF8.GetBytes(ValidEventJson.Body());
        var start = text.AsSpan().IndexOf("\"eventId\":\""u8) + "\"eventId\":\""u8.Length;
        var end = start + text.AsSpan(start).IndexOf((byte)'"');
        return [.. text.AsSpan(0, start), .. id, .. text.AsSpan(end)];
    }

    private static void AssertRejected(ParseResult result, RejectionReason reason, string message)
    {
        Assert.False(result.IsValid);
        Assert.NotNull(result.Rejection);
        Assert.Equal(reason, result.Rejection.Reason);
        Assert.Equal(message, result.Rejection.Message);
    }
}
