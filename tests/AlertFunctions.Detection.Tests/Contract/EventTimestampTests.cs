using System.Globalization;
using System.Text;
using AlertFunctions.Detection.Contract;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

/// <summary>
/// The contract's reading of a timestamp, which the replay uses to order a file before parsing it: it must accept exactly
/// the values the parser accepts, with the same instant, or a sorted replay would order events differently from how the
/// engine sees them.
/// </summary>
public sealed class EventTimestampTests
{
    // Instants in the parser's range, written in UTC or with an offset, then possibly changed in one character.
    private static readonly Gen<string> Written = Gen.Select(Gen.Long[new DateTime(2010, 1, 1).Ticks, new DateTime(2030, 1, 1).Ticks], Gen.Int[-14, 14], Gen.Int[0, 7], (ticks, offsetHours, digits) =>
    {
        var local = new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(offsetHours));
        var fraction = digits == 0 ? string.Empty : "." + (ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture)[..digits];
        var zone = offsetHours == 0 ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + zone;
    });

    private static readonly Gen<string> Mutated = Gen.Select(Written, Gen.Int[0, 34], Gen.Char["0123456789+-:.TtZz 6"], (text, at, c) =>
        at < text.Length ? string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1)) : text + c);

    private readonly WithdrawalEventParser _parser = new(
        new ParserOptions { MaxFutureSkew = TimeSpan.FromDays(3_650) },
        new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z")]
    [InlineData("2026-11-25T12:00:00+02:00", "2026-11-25T10:00:00Z")]
    [InlineData("2026-11-25T05:30:00.5-04:30", "2026-11-25T10:00:00.5Z")]
    public void TryParse_UtcOrExplicitOffset_IsTheInstantInUtc(string text, string expected)
    {
        Assert.True(EventTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var utc));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00")]
    [InlineData("2026-11-25")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void TryParse_NoOffsetOrNoDate_IsRefused(string text)
    {
        Assert.False(EventTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void TryParse_AnyWrittenOrMutatedValue_AgreesWithTheParser()
    {
        Gen.OneOf(Written, Mutated).Sample(text =>
        {
            var parsed = _parser.Parse(Encoding.UTF8.GetBytes(ValidEventJson.With("timestamp", text)));
            var read = EventTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var utc);

            // The receiver's bounds (a mutated year far in the past or future) are the parser's alone.
            var outOfBounds = parsed.Rejection?.Reason is RejectionReason.TimestampTooOld or RejectionReason.TimestampInFuture;
            Assert.True(parsed.IsValid || outOfBounds == read, $"{text}: parser {parsed.Rejection?.Code ?? "accepts"}, EventTimestamp {read}");
            if (parsed.IsValid)
            {
                Assert.True(read, text);
                Assert.Equal(parsed.Value.Timestamp, utc);
            }
        }, threads: 1); // One parser, which is not thread-safe.
    }
}
