using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// Parses and validates one event body (contract v1) straight from UTF-8, without building a DOM.
/// Every refusal names the field and the rule it broke, so a producer can fix its feed from the dead-letter row alone.
/// Repeating strings are interned through a <see cref="Utf8StringPool"/>, so steady-state parsing allocates only the
/// genuinely unique values (event id, transaction hash). A body in the plain form most producers write (no escapes,
/// printable ASCII) holding a valid event is read by a fast path (<see cref="TryParsePlain"/>); every other body, and every
/// refusal, by the general JSON reader (<see cref="ParseGeneral"/>), with the same checks, so the result is the same either way.
/// Not thread-safe: one parser per consumer.
/// </summary>
public sealed partial class WithdrawalEventParser
{
    private const int MaxEventIdLength = 128;
    private const int ClockRereadInterval = 1_024;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    private readonly ParserOptions _options;
    private readonly TimeProvider _clock;
    private readonly Utf8StringPool _pool;
    private DateTimeOffset _latestAllowed = DateTimeOffset.MinValue;
    private int _eventsSinceClockRead;

    public WithdrawalEventParser(ParserOptions? options = null, TimeProvider? clock = null, Utf8StringPool? pool = null)
    {
        _options = options ?? new ParserOptions();
        _clock = clock ?? TimeProvider.System;
        _pool = pool ?? new Utf8StringPool();
    }

    public ParserOptions Options => _options;

    public ParseResult Parse(string body) => Parse(Encoding.UTF8.GetBytes(body));

    public ParseResult Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length > _options.MaxBodyBytes)
        {
            return ParseResult.Invalid(RejectionReason.BodyTooLarge, $"body is {body.Length} bytes; the limit is {_options.MaxBodyBytes} bytes");
        }

        if (IsBlank(body))
        {
            return ParseResult.Invalid(RejectionReason.EmptyBody, "body is empty");
        }

        return TryParsePlain(body, out var plain) ? plain : ParseGeneral(body);
    }

    /// <summary>Reads a body with the general JSON reader: any body, and a precise reason for every refusal.</summary>
    internal ParseResult ParseGeneral(ReadOnlySpan<byte> body)
    {
        // JSON text is UTF-8. The reader checks the bytes only of the strings it unescapes, so an invalid byte inside a
        // plain string would be decoded as U+FFFD: two event ids differing only in such bytes would become one id, and the
        // second event would be skipped as a duplicate. Only bodies the fast path declined come here, and it takes
        // nothing but printable ASCII, so the common case never pays for this check.
        if (!Utf8.IsValid(body))
        {
            return ParseResult.Invalid(RejectionReason.InvalidJson, $"not valid JSON: the body is not valid UTF-8 (at byte {FirstInvalidUtf8Byte(body) + 1})");
        }

        try
        {
            return ParseObject(body);
        }
        catch (JsonException ex)
        {
            return ParseResult.Invalid(RejectionReason.InvalidJson, $"not valid JSON: {ReaderMessage(ex)}");
        }
        catch (InvalidOperationException ex)
        {
            // The reader refuses to unescape a string holding invalid UTF-8; that is malformed input, not a crash.
            return ParseResult.Invalid(RejectionReason.InvalidJson, $"not valid JSON: {FirstLine(ex.Message)}");
        }
    }

    private ParseResult ParseObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ParseResult.Invalid(RejectionReason.NotAnObject, $"body must be a JSON object, found {Describe(reader.TokenType)}");
        }

        var fields = new EventFields();
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // An escaped name is rare: unescaped to bytes, so one table of names (FieldNamed) serves both paths.
            var field = FieldNamed(reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan);
            if (field != ContractField.Unknown)
            {
                // Readers disagree on a repeated name (the first or the last wins), so which amount or event id the
                // producer meant is unknown: refused rather than guessed.
                var bit = 1 << (int)field;
                if ((seen & bit) != 0)
                {
                    return ParseResult.Invalid(RejectionReason.InvalidField, $"field '{NameOf(field)}' appears more than once");
                }

                seen |= bit;
            }

            var rejection = ReadProperty(field, ref reader, ref fields);
            if (rejection is not null)
            {
                return ParseResult.Invalid(rejection.Value.Reason, rejection.Value.Message);
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return ParseResult.Invalid(RejectionReason.InvalidJson, "not valid JSON: the object is not closed");
        }

        if (reader.Read())
        {
            return ParseResult.Invalid(RejectionReason.InvalidJson, "not valid JSON: content follows the closing brace");
        }

        return Complete(ref fields);
    }

    private (RejectionReason Reason, string Message)? ReadProperty(ContractField field, ref Utf8JsonReader reader, ref EventFields f)
    {
        switch (field)
        {
            case ContractField.EventId:
                return ReadRequiredString(ref reader, "eventId", pooled: false, MaxEventIdLength, out f.EventId);
            case ContractField.Platform:
                return ReadRequiredString(ref reader, "platform", pooled: true, _options.MaxFieldLength, out f.Platform);
            case ContractField.PlatformType:
                return ReadPlatformType(ref reader, ref f);
            case ContractField.Chain:
                return ReadRequiredString(ref reader, "chain", pooled: true, _options.MaxFieldLength, out f.Chain);
            case ContractField.Asset:
                return ReadRequiredString(ref reader, "asset", pooled: true, _options.MaxFieldLength, out f.Asset);
            case ContractField.Amount:
                return ReadAmount(ref reader, ref f);
            case ContractField.AmountUsd:
                return ReadOptionalDecimal(ref reader, "amountUsd", AmountLimits.MaxUsd, out f.AmountUsd);
            case ContractField.SourceWallet:
                return ReadRequiredString(ref reader, "sourceWallet", pooled: true, _options.MaxFieldLength, out f.SourceWallet);
            case ContractField.BalanceAfter:
                return ReadOptionalDecimal(ref reader, "balanceAfter", AmountLimits.MaxAssetUnits, out f.BalanceAfter);
            case ContractField.AccountId:
                return ReadOptionalString(ref reader, "accountId", pooled: true, out f.AccountId);
            case ContractField.DestinationAddress:
                return ReadRequiredString(ref reader, "destinationAddress", pooled: true, _options.MaxFieldLength, out f.DestinationAddress);
            case ContractField.TxHash:
                return ReadTxHash(ref reader, ref f);
            case ContractField.Timestamp:
                return ReadTimestamp(ref reader, ref f);
            default:
                // Unknown fields are ignored by contract, so producers can add their own.
                reader.Read();
                reader.Skip();
                return null;
        }
    }

    /// <summary>The contract field an unescaped name is; dispatched on the length first, one comparison per known name.</summary>
    private static ContractField FieldNamed(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("asset"u8) => ContractField.Asset,
        5 when name.SequenceEqual("chain"u8) => ContractField.Chain,
        6 when name.SequenceEqual("amount"u8) => ContractField.Amount,
        6 when name.SequenceEqual("txHash"u8) => ContractField.TxHash,
        7 when name.SequenceEqual("eventId"u8) => ContractField.EventId,
        8 when name.SequenceEqual("platform"u8) => ContractField.Platform,
        9 when name.SequenceEqual("amountUsd"u8) => ContractField.AmountUsd,
        9 when name.SequenceEqual("accountId"u8) => ContractField.AccountId,
        9 when name.SequenceEqual("timestamp"u8) => ContractField.Timestamp,
        12 when name.SequenceEqual("platformType"u8) => ContractField.PlatformType,
        12 when name.SequenceEqual("sourceWallet"u8) => ContractField.SourceWallet,
        12 when name.SequenceEqual("balanceAfter"u8) => ContractField.BalanceAfter,
        18 when name.SequenceEqual("destinationAddress"u8) => ContractField.DestinationAddress,
        _ => ContractField.Unknown,
    };

    private static string NameOf(ContractField field) => field switch
    {
        ContractField.EventId => "eventId",
        ContractField.Platform => "platform",
        ContractField.PlatformType => "platformType",
        ContractField.Chain => "chain",
        ContractField.Asset => "asset",
        ContractField.Amount => "amount",
        ContractField.AmountUsd => "amountUsd",
        ContractField.SourceWallet => "sourceWallet",
        ContractField.BalanceAfter => "balanceAfter",
        ContractField.AccountId => "accountId",
        ContractField.DestinationAddress => "destinationAddress",
        ContractField.TxHash => "txHash",
        ContractField.Timestamp => "timestamp",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private enum ContractField
    {
        Unknown,
        EventId,
        Platform,
        PlatformType,
        Chain,
        Asset,
        Amount,
        AmountUsd,
        SourceWallet,
        BalanceAfter,
        AccountId,
        DestinationAddress,
        TxHash,
        Timestamp,
    }

    private ParseResult Complete(ref EventFields f)
    {
        var missing = f.EventId is null ? "eventId"
            : f.Platform is null ? "platform"
            : f.Chain is null ? "chain"
            : f.Asset is null ? "asset"
            : f.Amount is null ? "amount"
            : f.SourceWallet is null ? "sourceWallet"
            : f.DestinationAddress is null ? "destinationAddress"
            : f.Timestamp is null ? "timestamp"
            : null;
        if (missing is not null)
        {
            return ParseResult.Invalid(RejectionReason.MissingField, $"required field '{missing}' is missing");
        }

        var value = new WithdrawalEvent
        {
            EventId = f.EventId!,
            Platform = f.Platform!,
            PlatformType = f.PlatformType,
            Chain = f.Chain!,
            Asset = f.Asset!,
            Amount = f.Amount!.Value,
            AmountUsd = f.AmountUsd,
            SourceWallet = f.SourceWallet!,
            BalanceAfter = f.BalanceAfter,
            AccountId = f.AccountId,
            DestinationAddress = f.DestinationAddress!,
            TxHashValue = f.TxHash,
            Timestamp = f.Timestamp!.Value,
        };
        return ParseResult.Valid(value);
    }

    private (RejectionReason, string)? ReadRequiredString(ref Utf8JsonReader reader, string name, bool pooled, int maxLength, out string? value)
    {
        value = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return (RejectionReason.MissingField, $"required field '{name}' is null");
        }

        return ReadStringValue(ref reader, name, pooled, maxLength, out value);
    }

    // The usual spelling is kept as bytes without a string (see TransactionHash); any other is read as every optional string is.
    private (RejectionReason, string)? ReadTxHash(ref Utf8JsonReader reader, ref EventFields f)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && TryCompactTxHash(reader.ValueSpan, out f.TxHash))
        {
            return null;
        }

        var rejection = ReadOptionalValue(ref reader, "txHash", pooled: false, out var text);
        f.TxHash = TransactionHash.From(text);
        return rejection;
    }

    /// <summary>
    /// A hash's unescaped text in the usual spelling, held as bytes (see <see cref="TransactionHash"/>); false for any other
    /// text, and for one over the field length limit, which the string rules then refuse.
    /// </summary>
    private bool TryCompactTxHash(ReadOnlySpan<byte> unescaped, out TransactionHash hash)
    {
        hash = default;
        return unescaped.Length <= _options.MaxFieldLength && TransactionHash.TryCompact(unescaped, out hash);
    }

    private (RejectionReason, string)? ReadOptionalString(ref Utf8JsonReader reader, string name, bool pooled, out string? value)
    {
        reader.Read();
        return ReadOptionalValue(ref reader, name, pooled, out value);
    }

    /// <summary>The value the reader is on, as an optional string.</summary>
    private (RejectionReason, string)? ReadOptionalValue(ref Utf8JsonReader reader, string name, bool pooled, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var rejection = ReadStringValue(ref reader, name, pooled, _options.MaxFieldLength, out value);
        if (rejection is null && value!.Length == 0)
        {
            value = null; // An empty optional string carries no information; treat it as absent.
        }

        return rejection;
    }

    private (RejectionReason, string)? ReadStringValue(ref Utf8JsonReader reader, string name, bool pooled, int maxLength, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return (RejectionReason.InvalidField, $"field '{name}' must be a string, found {Describe(reader.TokenType)}");
        }

        // The reader always runs over one contiguous span, so ValueSpan holds the whole token.
        var raw = reader.ValueSpan;
        if (raw.Length > maxLength * 6)
        {
            return (RejectionReason.InvalidField, $"field '{name}' is longer than {maxLength} characters");
        }

        if (reader.ValueIsEscaped)
        {
            value = reader.GetString()!;
        }
        else
        {
            value = pooled ? _pool.Get(raw) : Encoding.UTF8.GetString(raw);
        }

        return CheckString(name, maxLength, ref value);
    }

    /// <summary>The rules every string field's text obeys; a refused value becomes null.</summary>
    private static (RejectionReason, string)? CheckString(string name, int maxLength, ref string? value)
    {
        if (value!.Length > maxLength)
        {
            value = null;
            return (RejectionReason.InvalidField, $"field '{name}' is longer than {maxLength} characters");
        }

        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            value = null;
            return (RejectionReason.InvalidField, $"field '{name}' has leading or trailing white space");
        }

        if (value.Length == 0 && name is not ("accountId" or "txHash"))
        {
            value = null;
            return (RejectionReason.InvalidField, $"field '{name}' must not be empty");
        }

        return null;
    }

    private (RejectionReason, string)? ReadPlatformType(ref Utf8JsonReader reader, ref EventFields f)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && PlatformTypeNamed(Unescaped(ref reader)) is { } type)
        {
            f.PlatformType = type;
            return null;
        }

        return (RejectionReason.InvalidField, "field 'platformType' must be one of exchange, defi, bridge");
    }

    private static PlatformType? PlatformTypeNamed(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("exchange"u8) ? PlatformType.Exchange
        : name.SequenceEqual("defi"u8) ? PlatformType.Defi
        : name.SequenceEqual("bridge"u8) ? PlatformType.Bridge
        : null;

    private static (RejectionReason, string)? ReadAmount(ref Utf8JsonReader reader, ref EventFields f)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return (RejectionReason.MissingField, "required field 'amount' is null");
        }

        var rejection = ReadDecimal(ref reader, "amount", out var amount);
        if (rejection is not null)
        {
            return rejection;
        }

        return CheckAmount(amount, ref f);
    }

    private static (RejectionReason, string)? CheckAmount(decimal amount, ref EventFields f)
    {
        if (amount <= 0m)
        {
            return (RejectionReason.AmountNotPositive, $"field 'amount' must be greater than 0, was {amount.ToString(CultureInfo.InvariantCulture)}");
        }

        if (amount > AmountLimits.MaxAssetUnits)
        {
            return (RejectionReason.AmountTooLarge, $"field 'amount' must be at most {AmountLimits.Describe(AmountLimits.MaxAssetUnits)}, was {amount.ToString(CultureInfo.InvariantCulture)}");
        }

        f.Amount = amount;
        return null;
    }

    private static (RejectionReason, string)? ReadOptionalDecimal(ref Utf8JsonReader reader, string name, decimal max, out decimal? value)
    {
        value = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var rejection = ReadDecimal(ref reader, name, out var parsed);
        if (rejection is not null)
        {
            return (RejectionReason.InvalidField, rejection.Value.Message);
        }

        return CheckOptionalDecimal(name, max, parsed, out value);
    }

    private static (RejectionReason, string)? CheckOptionalDecimal(string name, decimal max, decimal parsed, out decimal? value)
    {
        value = null;
        if (parsed < 0m)
        {
            return (RejectionReason.InvalidField, $"field '{name}' must not be negative, was {parsed.ToString(CultureInfo.InvariantCulture)}");
        }

        if (parsed > max)
        {
            return (RejectionReason.InvalidField, $"field '{name}' must be at most {AmountLimits.Describe(max)}, was {parsed.ToString(CultureInfo.InvariantCulture)}");
        }

        value = parsed;
        return null;
    }

    // Amounts never pass through double: a JSON number or a numeric string is parsed straight into decimal.
    private static (RejectionReason Reason, string Message)? ReadDecimal(ref Utf8JsonReader reader, string name, out decimal value)
    {
        value = 0m;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (PlainDecimal.TryParse(reader.ValueSpan, out value) || reader.TryGetDecimal(out value))
            {
                return null;
            }

            return (RejectionReason.AmountNotANumber, $"field '{name}' is out of the decimal range");
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
            var text = Unescaped(ref reader);
            if (PlainDecimal.TryParse(text, out value) || decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value))
            {
                return null;
            }

            return (RejectionReason.AmountNotANumber, $"field '{name}' must be a decimal number, found \"{Truncate(Encoding.UTF8.GetString(text))}\"");
        }

        return (RejectionReason.AmountNotANumber, $"field '{name}' must be a number or a numeric string, found {Describe(reader.TokenType)}");
    }

    private (RejectionReason, string)? ReadTimestamp(ref Utf8JsonReader reader, ref EventFields f)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return (RejectionReason.MissingField, "required field 'timestamp' is null");
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return (RejectionReason.TimestampUnparsable, $"field 'timestamp' must be an ISO-8601 string, found {Describe(reader.TokenType)}");
        }

        var raw = Unescaped(ref reader);
        switch (EventTimestamp.Read(raw, out var utc))
        {
            case EventTimestampReading.Unparsable:
                return (RejectionReason.TimestampUnparsable, $"field 'timestamp' is not an ISO-8601 date-time: \"{Truncate(Encoding.UTF8.GetString(raw))}\"");
            case EventTimestampReading.NoOffset:
                return (RejectionReason.TimestampNotUtc, "field 'timestamp' has no UTC designator: end it with 'Z' (or an explicit offset)");
        }

        if (utc > LatestAllowed(utc))
        {
            return (RejectionReason.TimestampInFuture, $"field 'timestamp' {utc:O} is more than {_options.MaxFutureSkew} ahead of the receiver's clock");
        }

        if (TooOld(utc) is { } tooOld)
        {
            return tooOld;
        }

        f.Timestamp = utc;
        return null;
    }

    private (RejectionReason, string)? TooOld(DateTimeOffset utc) => utc < _options.MinTimestamp
        ? (RejectionReason.TimestampTooOld, $"field 'timestamp' {utc:O} is before {_options.MinTimestamp:yyyy-MM-dd}")
        : null;

    /// <summary>
    /// The newest timestamp accepted now: the clock plus the allowed skew. Reading the clock cost about 7% of parsing an
    /// event, so the bound is kept and the clock read again only when an event lies beyond it (the clock moves forward,
    /// so a kept bound can only be too strict, never too lenient) and every <see cref="ClockRereadInterval"/> events, so a
    /// clock stepped back is followed within that many events.
    /// </summary>
    private DateTimeOffset LatestAllowed(DateTimeOffset timestamp)
    {
        if (timestamp > _latestAllowed || ++_eventsSinceClockRead >= ClockRereadInterval)
        {
            _latestAllowed = _clock.GetUtcNow() + _options.MaxFutureSkew;
            _eventsSinceClockRead = 0;
        }

        return _latestAllowed;
    }

    /// <summary>The token's text with JSON escapes resolved (producers' encoders may write '+' as \u002B). Escaped values are rare, so they may allocate.</summary>
    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static string Truncate(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "...");

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>
    /// The reader's sentence without its position suffix: it counts lines within the body from 0, which beside a file's
    /// line number reads as a contradiction. The byte within the body is given instead, counted from 1.
    /// </summary>
    private static string ReaderMessage(JsonException ex)
    {
        var message = FirstLine(ex.Message);
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix < 0)
        {
            return message;
        }

        var sentence = message[..suffix].TrimEnd().TrimEnd('.');
        return ex.BytePositionInLine is { } position ? $"{sentence} (at byte {position + 1})" : sentence;
    }

    /// <summary>Where the first byte of an invalid UTF-8 sequence is; the body's length when it is all valid.</summary>
    private static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> body)
    {
        var at = 0;
        while (at < body.Length)
        {
            if (Rune.DecodeFromUtf8(body[at..], out _, out var consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }

    private struct EventFields
    {
        public string? EventId;
        public string? Platform;
        public PlatformType PlatformType;
        public string? Chain;
        public string? Asset;
        public decimal? Amount;
        public decimal? AmountUsd;
        public string? SourceWallet;
        public decimal? BalanceAfter;
        public string? AccountId;
        public string? DestinationAddress;
        public TransactionHash TxHash;
        public DateTimeOffset? Timestamp;
    }
}
