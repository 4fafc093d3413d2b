using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

public sealed class WindowEvidenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Offer_KeepsTheLargestWithdrawalsOfTheSpan_OldestFirst()
    {
        var evidence = new WindowEvidence(Hour);
        decimal[] sizes = [900, 50_000, 120, 7_000, 300_000, 2_000];
        for (var i = 0; i < sizes.Length; i++)
        {
            Offer(evidence, $"e{i}", sizes[i], T0.AddMinutes(i));
        }

        var kept = evidence.Since(T0);

        Assert.Equal(["e1", "e3", "e4"], kept.Select(k => k.EventId));
        Assert.Equal([50_000m, 7_000m, 300_000m], kept.Select(k => k.Usd));
    }

    [Fact]
    public void Offer_AWithdrawalThatLeftTheSpan_FreesItsSlotForASmallerOne()
    {
        var evidence = new WindowEvidence(Hour);
        Offer(evidence, "old-large", 1_000_000m, T0);
        Offer(evidence, "a", 500m, T0.AddMinutes(10));
        Offer(evidence, "b", 400m, T0.AddMinutes(20));

        Offer(evidence, "small-later", 100m, T0.AddMinutes(61));

        Assert.Equal(["a", "b", "small-later"], evidence.Since(T0.AddMinutes(1)).Select(k => k.EventId));
    }

    [Fact]
    public void Offer_NotLargerThanAnyKept_ChangesNothing()
    {
        var evidence = new WindowEvidence(Hour);
        Offer(evidence, "a", 500m, T0);
        Offer(evidence, "b", 600m, T0.AddMinutes(1));
        Offer(evidence, "c", 700m, T0.AddMinutes(2));

        Offer(evidence, "equal", 500m, T0.AddMinutes(3));
        Offer(evidence, "smaller", 10m, T0.AddMinutes(4));

        Assert.Equal(["a", "b", "c"], evidence.Since(T0).Select(k => k.EventId));
    }

    [Fact]
    public void Offer_WithoutAUsdValue_IsNeverKept()
    {
        var evidence = new WindowEvidence(Hour);
        Offer(evidence, "old", 500m, T0);

        Offer(evidence, "unvalued", 0m, T0.AddMinutes(90));

        Assert.Empty(evidence.Since(T0.AddMinutes(30)));
    }

    [Fact]
    public void Since_LeavesOutWithdrawalsBeforeTheWindowStart()
    {
        var evidence = new WindowEvidence(TimeSpan.FromHours(12));
        Offer(evidence, "morning", 9_000m, T0);
        Offer(evidence, "noon", 8_000m, T0.AddHours(5));

        Assert.Equal(["noon"], evidence.Since(T0.AddHours(1)).Select(k => k.EventId));
    }

    [Fact]
    public void WriteThenRead_RestoresTheSameEvidenceAndKeepsChoosingAlike()
    {
        var evidence = new WindowEvidence(Hour);
        Offer(evidence, "a", 500m, T0, txHash: null);
        Offer(evidence, "b", 600m, T0.AddMinutes(1));
        Offer(evidence, "c", 700m, T0.AddMinutes(2));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            evidence.Write(writer);
        }

        stream.Position = 0;
        var restored = new WindowEvidence(Hour);
        restored.Read(new BinaryReader(stream));

        Assert.Equal(evidence.Since(T0), restored.Since(T0));
        Offer(evidence, "d", 550m, T0.AddMinutes(3));
        Offer(restored, "d", 550m, T0.AddMinutes(3));
        Assert.Equal(evidence.Since(T0), restored.Since(T0));
        Assert.Equal(["b", "c", "d"], restored.Since(T0).Select(k => k.EventId));
    }

    [Fact]
    public void Read_MoreWithdrawalsThanFit_IsRefusedAsDamagedData()
    {
        using var stream = new MemoryStream(BitConverter.GetBytes(WindowEvidence.Capacity + 1));

        var error = Assert.Throws<InvalidDataException>(() => new WindowEvidence(Hour).Read(new BinaryReader(stream)));

        Assert.Contains("holds 4 withdrawals", error.Message, StringComparison.Ordinal);
    }

    private static void Offer(WindowEvidence evidence, string id, decimal usd, DateTimeOffset time, string? txHash = "0xhash")
    {
        var e = EventBuilder.Withdrawal().Id(id).Usd(usd).At(time).Build() with { TxHash = txHash };
        evidence.Offer(e, usd);
    }
}
