namespace AlertFunctions.Detection.Contract;

/// <summary>
/// Reads the plain notation producers write for almost every amount ("0.075788", "1594.37": digits, at most one point,
/// at most 19 digits) straight into a <see cref="decimal"/>, keeping the written scale as the framework's parsers do
/// ("1.50" stays 1.50). Anything else (a sign, an exponent, more digits) is declined and left to those parsers, so the
/// accepted values and their bits are the same either way; this only skips their general machinery, which cost more than
/// the rest of reading a number.
/// </summary>
internal static class PlainDecimal
{
    private const int MaxDigits = 19; // 10^19 - 1 still fits an unsigned 64-bit mantissa.

    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        if (text.IsEmpty || text.Length > MaxDigits + 1)
        {
            return false;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1; // -1 until the point: then the count of digits after it.
        foreach (var b in text)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (digits == MaxDigits)
                {
                    return false; // A twentieth digit could overflow the mantissa (the build checks arithmetic).
                }

                mantissa = (mantissa * 10) + (ulong)(b - '0');
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (b == (byte)'.' && scale < 0 && digits > 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (scale == 0)
        {
            return false;
        }

        // The mantissa's low and high 32 bits, reinterpreted: unchecked because the build checks arithmetic.
        value = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, isNegative: false, (byte)Math.Max(scale, 0));
        return true;
    }
}
