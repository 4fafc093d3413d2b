using System.Buffers;
using System.Runtime.CompilerServices;

namespace AlertFunctions.Detection.Contract;

/// <summary>
/// Reads the members of one JSON object written in the plain form nearly every producer uses: a flat object whose names
/// and string values are printable ASCII without escapes, whose numbers have no exponent, and whose other values are
/// null, true or false, with JSON white space anywhere between tokens. Anything else (an escape, a byte outside printable
/// ASCII inside a string, a nested object or array, an exponent, a comment, broken syntax, content after the object) is
/// <see cref="PlainMember.Declined"/>, never guessed at: the caller then reads the whole body with the general JSON
/// reader, which accepts or refuses it precisely. So every body this reader takes is valid JSON with the same members the
/// general reader would report.
/// </summary>
/// <remarks>
/// Why: in the replay's profile the general reader's tokenizing (token state, string and number validation, name
/// comparisons through unescaping) was about a quarter of parsing. Within this subset a string ends at its first quote and
/// a number at its first byte that is not a digit or the point, which one search or one short loop finds.
/// </remarks>
internal ref struct PlainJsonObjectReader
{
    // A string's plain content: printable ASCII but the quote and the backslash. The first other byte must be the closing
    // quote; anything else (an escape, a control byte, which JSON forbids raw, DEL, a byte of a multi-byte UTF-8 sequence)
    // is declined. An ASCII set, so the search runs on the framework's ASCII bitmap, which the any-byte sets do not.
    private static readonly SearchValues<byte> PlainStringBytes = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b).Where(b => b is not ((byte)'"' or (byte)'\\'))]);

    // A body with only these bytes (printable ASCII but the backslash: no escape, no control or white-space byte, nothing
    // outside ASCII) has only plain string content, so each string ends at its next quote, found by the cheapest search.
    private static readonly SearchValues<byte> PlainBodyBytes = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b).Where(b => b != (byte)'\\')]);

    private readonly ReadOnlySpan<byte> _body;
    private readonly bool _onlyPlainBytes;
    private PlainQuoteFinder _quotes;
    private int _at;
    private bool _inObject;

    public PlainJsonObjectReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        // One search over the body instead of one per string: each string then ends at the next quote (see PlainQuoteFinder).
        _onlyPlainBytes = body.IndexOfAnyExcept(PlainBodyBytes) < 0;
    }

    /// <summary>
    /// The next member: its name and value (a string's content without its quotes, a number's or literal's text).
    /// <see cref="PlainMember.End"/> once the object has closed and only white space follows it.
    /// </summary>
    public PlainMember Next(out ReadOnlySpan<byte> name, out PlainValueKind kind, out ReadOnlySpan<byte> value)
    {
        name = default;
        kind = default;
        value = default;
        SkipWhiteSpace();
        if (!_inObject)
        {
            if (!Take((byte)'{'))
            {
                return PlainMember.Declined;
            }

            _inObject = true;
            SkipWhiteSpace();
            if (Take((byte)'}'))
            {
                return Ended();
            }
        }
        else if (Take((byte)'}'))
        {
            return Ended();
        }
        else if (!Take((byte)','))
        {
            return PlainMember.Declined;
        }
        else
        {
            SkipWhiteSpace();
        }

        if (!Take((byte)'"') || !TryString(out name))
        {
            return PlainMember.Declined;
        }

        SkipWhiteSpace();
        if (!Take((byte)':'))
        {
            return PlainMember.Declined;
        }

        SkipWhiteSpace();
        return TryValue(out kind, out value) ? PlainMember.Member : PlainMember.Declined;
    }

    private PlainMember Ended()
    {
        SkipWhiteSpace();
        return _at == _body.Length ? PlainMember.End : PlainMember.Declined;
    }

    private bool TryValue(out PlainValueKind kind, out ReadOnlySpan<byte> value)
    {
        kind = default;
        value = default;
        if (_at == _body.Length)
        {
            return false;
        }

        switch (_body[_at])
        {
            case (byte)'"':
                _at++;
                kind = PlainValueKind.String;
                return TryString(out value);
            case (byte)'n':
                kind = PlainValueKind.Null;
                return TryLiteral("null"u8, out value);
            case (byte)'t':
                kind = PlainValueKind.Boolean;
                return TryLiteral("true"u8, out value);
            case (byte)'f':
                kind = PlainValueKind.Boolean;
                return TryLiteral("false"u8, out value);
            default:
                kind = PlainValueKind.Number;
                return TryNumber(out value);
        }
    }

    /// <summary>From after the opening quote to the closing one, which is consumed; false at anything declined.</summary>
    private bool TryString(out ReadOnlySpan<byte> content)
    {
        content = default;
        var rest = _body[_at..];
        int stop;
        if (_onlyPlainBytes)
        {
            var quote = _quotes.Next(_body, _at);
            stop = quote < 0 ? -1 : quote - _at;
        }
        else
        {
            stop = rest.IndexOfAnyExcept(PlainStringBytes);
        }

        if (stop < 0 || rest[stop] != (byte)'"')
        {
            return false;
        }

        content = rest[..stop];
        _at += stop + 1;
        return true;
    }

    private bool TryLiteral(ReadOnlySpan<byte> literal, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!_body[_at..].StartsWith(literal))
        {
            return false;
        }

        value = _body.Slice(_at, literal.Length);
        _at += literal.Length;
        return true;
    }

    /// <summary>
    /// JSON's number grammar without the exponent: an optional minus, then zero or a digit string not starting with zero,
    /// then optionally a point and at least one digit. What follows is left to the caller's check for a comma or brace, so
    /// "01", "1.2.3" and "1e5" are declined there or here.
    /// </summary>
    private bool TryNumber(out ReadOnlySpan<byte> value)
    {
        value = default;
        var start = _at;
        Take((byte)'-');
        var integerStart = _at;
        var integerDigits = SkipDigits();
        if (integerDigits == 0 || (integerDigits > 1 && _body[integerStart] == (byte)'0'))
        {
            return false;
        }

        if (Take((byte)'.') && SkipDigits() == 0)
        {
            return false;
        }

        if (_at < _body.Length && (_body[_at] | 0x20) == (byte)'e')
        {
            return false;
        }

        value = _body[start.._at];
        return true;
    }

    private int SkipDigits()
    {
        var start = _at;
        while (_at < _body.Length && unchecked((uint)(_body[_at] - '0')) <= 9)
        {
            _at++;
        }

        return _at - start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Take(byte expected)
    {
        if (_at < _body.Length && _body[_at] == expected)
        {
            _at++;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhiteSpace()
    {
        // Producers rarely write white space between tokens: one comparison settles that case.
        if (_at < _body.Length && _body[_at] > (byte)' ')
        {
            return;
        }

        while (_at < _body.Length && _body[_at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _at++;
        }
    }
}
