using System.Text;
using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class LatestEvidenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Offer_KeepsTheLatestWithdrawalsWhateverTheirSize_OldestFirst()
    {
        var evidence = new LatestEvidence();
        decimal[] sizes = [2_000_000, 250_000, 900, 250_000, 260_000];
        for (var i = 0; i < sizes.Length; i++)
        {
            Offer(evidence, $"e{i}", sizes[i], T0.AddMinutes(i));
        }

        Assert.Equal(["e2", "e3", "e4"], evidence.Since(T0).Select(k => k.EventId));
    }

    [Fact]
    public void Since_LeavesOutWhatCameBefore()
    {
        var evidence = new LatestEvidence();
        Offer(evidence, "early", 1m, T0);
        Offer(evidence, "late", 1m, T0.AddHours(13));

        Assert.Equal(["late"], evidence.Since(T0.AddHours(1)).Select(k => k.EventId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void WriteThenRead_KeepsTheSameWithdrawals_AndTheNextOfferStillReplacesTheOldest(int offered)
    {
        var evidence = new LatestEvidence();
        for (var i = 0; i < offered; i++)
        {
            Offer(evidence, $"e{i}", 100m + i, T0.AddMinutes(i));
        }

        var read = RoundTrip(evidence);
        Offer(evidence, "next", 1m, T0.AddHours(1));
        Offer(read, "next", 1m, T0.AddHours(1));

        Assert.Equal(evidence.Since(DateTimeOffset.MinValue), read.Since(DateTimeOffset.MinValue));
    }

    [Fact]
    public void Read_MoreThanItHolds_IsRefused()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(LatestEvidence.Capacity + 1);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var error = Assert.Throws<InvalidDataException>(() => new LatestEvidence().Read(reader));
        Assert.Equal("latest evidence holds 4 withdrawals; at most 3 fit", error.Message);
    }

    private static LatestEvidence RoundTrip(LatestEvidence evidence)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            evidence.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var read = new LatestEvidence();
        read.Read(reader);
        return read;
    }

    private static void Offer(LatestEvidence evidence, string id, decimal usd, DateTimeOffset time) =>
        evidence.Offer(EventBuilder.Withdrawal().Id(id).Usd(usd).To($"0x{id.Length:x40}").At(time).Build(), usd);
}
