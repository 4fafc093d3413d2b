using System.Text;

namespace AlertFunctions.Detection.Contract;

public sealed partial class WithdrawalEventParser
{
    /// <summary>
    /// The fast path: a body in the plain form (see <see cref="PlainJsonObjectReader"/>) that holds a valid event with each
    /// of the contract's fields at most once, checked by the same rules as <see cref="ParseGeneral"/>. It refuses nothing
    /// itself: whatever it does not take in full (a form it declines, a repeated field, any refusal, a clock bound due to be
    /// read again) returns false, and the general path then reads the whole body and gives the precise result. So it only
    /// returns events the general path would, equal field by field, and the clock is read as often as there.
    /// </summary>
    internal bool TryParsePlain(ReadOnlySpan<byte> body, out ParseResult result)
    {
        result = default;
        var reader = new PlainJsonObjectReader(body);
        var fields = new EventFields();
        var seen = 0;
        PlainMember next;
        while ((next = reader.Next(out var name, out var kind, out var value)) == PlainMember.Member)
        {
            var field = FieldNamed(name);
            if (field == ContractField.Unknown)
            {
                continue; // Unknown fields are ignored by contract.
            }

            var bit = 1 << (int)field;
            if ((seen & bit) != 0 || !TryPlainField(field, kind, value, ref fields))
            {
                return false;
            }

            seen |= bit;
        }

        // The future bound as LatestAllowed applies it when the clock need not be read: the same count, the same answer.
        if (next != PlainMember.End || fields.Timestamp is not { } utc || utc > _latestAllowed || _eventsSinceClockRead + 1 >= ClockRereadInterval)
        {
            return false;
        }

        result = Complete(ref fields);
        if (!result.IsValid)
        {
            return false;
        }

        _eventsSinceClockRead++;
        return true;
    }

    private bool TryPlainField(ContractField field, PlainValueKind kind, ReadOnlySpan<byte> value, ref EventFields f)
    {
        switch (field)
        {
            case ContractField.EventId:
                return TryPlainString(kind, value, "eventId", pooled: false, MaxEventIdLength, out f.EventId);
            case ContractField.Platform:
                return TryPlainString(kind, value, "platform", pooled: true, _options.MaxFieldLength, out f.Platform);
            case ContractField.Chain:
                return TryPlainString(kind, value, "chain", pooled: true, _options.MaxFieldLength, out f.Chain);
            case ContractField.Asset:
                return TryPlainString(kind, value, "asset", pooled: true, _options.MaxFieldLength, out f.Asset);
            case ContractField.SourceWallet:
                return TryPlainString(kind, value, "sourceWallet", pooled: true, _options.MaxFieldLength, out f.SourceWallet);
            case ContractField.DestinationAddress:
                return TryPlainString(kind, value, "destinationAddress", pooled: true, _options.MaxFieldLength, out f.DestinationAddress);
            case ContractField.AccountId:
                return TryPlainOptionalString(kind, value, "accountId", pooled: true, out f.AccountId);
            case ContractField.TxHash:
                if (kind == PlainValueKind.String && TryCompactTxHash(value, out f.TxHash))
                {
                    return true;
                }

                var plainText = TryPlainOptionalString(kind, value, "txHash", pooled: false, out var text);
                f.TxHash = TransactionHash.From(text);
                return plainText;
            case ContractField.Amount:
                return TryPlainDecimal(kind, value, out var amount) && CheckAmount(amount, ref f) is null;
            case ContractField.AmountUsd:
                return TryPlainOptionalDecimal(kind, value, "amountUsd", AmountLimits.MaxUsd, out f.AmountUsd);
            case ContractField.BalanceAfter:
                return TryPlainOptionalDecimal(kind, value, "balanceAfter", AmountLimits.MaxAssetUnits, out f.BalanceAfter);
            case ContractField.PlatformType:
                if (kind == PlainValueKind.Null)
                {
                    return true;
                }

                if (kind == PlainValueKind.String && PlatformTypeNamed(value) is { } type)
                {
                    f.PlatformType = type;
                    return true;
                }

                return false;
            case ContractField.Timestamp:
                if (kind == PlainValueKind.String && EventTimestamp.Read(value, out var utc) == EventTimestampReading.Utc && TooOld(utc) is null)
                {
                    f.Timestamp = utc;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private bool TryPlainString(PlainValueKind kind, ReadOnlySpan<byte> value, string name, bool pooled, int maxLength, out string? text)
    {
        text = null;
        if (kind != PlainValueKind.String)
        {
            return false;
        }

        // Printable ASCII: one byte per character, no escapes, so the text is what the general path would make.
        text = pooled ? _pool.Get(value) : Encoding.UTF8.GetString(value);
        return CheckString(name, maxLength, ref text) is null;
    }

    private bool TryPlainOptionalString(PlainValueKind kind, ReadOnlySpan<byte> value, string name, bool pooled, out string? text)
    {
        text = null;
        if (kind == PlainValueKind.Null)
        {
            return true;
        }

        if (!TryPlainString(kind, value, name, pooled, _options.MaxFieldLength, out text))
        {
            return false;
        }

        if (text!.Length == 0)
        {
            text = null; // As ReadOptionalValue: an empty optional string is absent.
        }

        return true;
    }

    private static bool TryPlainOptionalDecimal(PlainValueKind kind, ReadOnlySpan<byte> value, string name, decimal max, out decimal? parsed)
    {
        parsed = null;
        return kind == PlainValueKind.Null
            || (TryPlainDecimal(kind, value, out var number) && CheckOptionalDecimal(name, max, number, out parsed) is null);
    }

    // Only what PlainDecimal reads, which the general path also tries first for a number or a numeric string.
    private static bool TryPlainDecimal(PlainValueKind kind, ReadOnlySpan<byte> value, out decimal number)
    {
        number = 0m;
        return kind is PlainValueKind.Number or PlainValueKind.String && PlainDecimal.TryParse(value, out number);
    }
}
