using System.Globalization;
using System.Text;
using System.Text.Json;
using AlertFunctions.Detection.Contract;
using CsCheck;
using Xunit;

namespace AlertFunctions.Detection.Tests.Contract;

public sealed class UtcTimestampTests
{
    // Any instant, written with 0 to 7 fraction digits (truncated, as producers do).
    private static readonly Gen<string> Written = Gen.Select(Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks], Gen.Int[0, 7], (ticks, digits) =>
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);
        var text = time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = (ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture)[..digits];
        return digits == 0 ? text + "Z" : $"{text}.{fraction}Z";
    });

    // The same shapes with one character changed: offsets, lower case, impossible dates and times, stray characters.
    private static readonly Gen<string> Mutated = Gen.Select(Written, Gen.Int[0, 27], Gen.Char["0123456789+-:.TtZz 6"], (text, at, c) =>
        at < text.Length ? string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1)) : text + c);

    [Theory]
    [InlineData("2026-06-01T00:00:22.263Z", 2026, 6, 1, 0, 0, 22, 2_630_000)]
    [InlineData("2024-02-29T23:59:59Z", 2024, 2, 29, 23, 59, 59, 0)]
    [InlineData("2026-11-27T08:15:00.1234567Z", 2026, 11, 27, 8, 15, 0, 1_234_567)]
    public void TryParse_TheCommonShape_IsReadAsUtc(string text, int year, int month, int day, int hour, int minute, int second, long fractionTicks)
    {
        Assert.True(UtcTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var utc));

        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(fractionTicks), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("2026-06-01T00:00:22+02:00")]
    [InlineData("2026-06-01t00:00:22Z")]
    [InlineData("2026-06-01T00:00:22z")]
    [InlineData("2026-06-01T00:00:22.12345678Z")]
    [InlineData("2026-06-01T00:00:22.Z")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-06-01T24:00:00Z")]
    [InlineData("2026-06-01T23:59:60Z")]
    [InlineData("2026-06-01T00:00:22")]
    [InlineData("2026-06-01")]
    public void TryParse_AnyOtherShape_IsLeftToTheJsonReader(string text)
    {
        Assert.False(UtcTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void TryParse_EveryWrittenInstant_IsReadAndEqualsTheJsonReadersValue()
    {
        Written.Sample(text =>
        {
            Assert.True(UtcTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var utc), text);
            Assert.True(ReadByJsonReader(text, out var expected), text);
            Assert.Equal(expected, utc);
            Assert.Equal(expected.Offset, utc.Offset);
        });
    }

    [Fact]
    public void TryParse_WhateverItAccepts_TheJsonReaderAcceptsWithTheSameValue()
    {
        Mutated.Sample(text =>
        {
            if (!UtcTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var utc))
            {
                return;
            }

            Assert.True(ReadByJsonReader(text, out var expected), text);
            Assert.Equal(expected, utc);
        });
    }

    private static bool ReadByJsonReader(string text, out DateTimeOffset utc)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{text}\""));
        reader.Read();
        var ok = reader.TryGetDateTimeOffset(out var parsed);
        utc = ok ? parsed.ToUniversalTime() : default;
        return ok;
    }
}
