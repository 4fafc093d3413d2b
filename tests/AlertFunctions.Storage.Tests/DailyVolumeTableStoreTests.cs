using AlertFunctions.Storage.Volume;
using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DailyVolumeTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2025, 3, 14);
    private static readonly DateTimeOffset FirstEnqueued = new(2025, 3, 14, 8, 0, 0, TimeSpan.Zero);

    private readonly DailyVolumeTableStore _store = IsolatedStorage.Create(azurite).DailyVolume;

    [Fact]
    public async Task AddAsync_SameBatchReplayed_CountsOnce()
    {
        Assert.True(await _store.AddAsync(Day, "exchange-one", "0", Batch(10, 1000.10m, lastSequenceNumber: 50)));
        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", Batch(10, 1000.10m, lastSequenceNumber: 50)));
        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", Batch(4, 1.00m, lastSequenceNumber: 20)));

        var total = Assert.Single(await _store.GetTotalsAsync(Day));
        Assert.Equal(new DailyVolumeTotal("exchange-one", 10, 1000.10m), total);
    }

    [Fact]
    public async Task AddAsync_SuccessiveBatchesAndScopes_SumsExactlyPerPlatform()
    {
        await _store.AddAsync(Day, "exchange-one", "0", Batch(10, 12_345_678_901_234_567.89m, 50));
        await _store.AddAsync(Day, "exchange-one", "0", Batch(5, 0.01m, 60));
        await _store.AddAsync(Day, "exchange-one", "1", Batch(2, 0.1m, 7));
        await _store.AddAsync(Day, "exchange-one", "1", Batch(3, 0.2m, 10));
        await _store.AddAsync(Day, "ex/two#", "0", Batch(1, 1m, 61));
        await _store.AddAsync(Day.AddDays(1), "exchange-one", "0", Batch(100, 100m, 170));

        var totals = await _store.GetTotalsAsync(Day);

        Assert.Equal(
            [new DailyVolumeTotal("ex/two#", 1, 1m), new DailyVolumeTotal("exchange-one", 20, 12_345_678_901_234_568.20m)],
            totals);
    }

    [Fact]
    public async Task AddAsync_RedeliveryCutIntoOtherBatches_CountsOnlyTheWithdrawalsNotCountedBefore()
    {
        // 41-50 counted, then a redelivery from an older checkpoint in other cuts: 46-55, then 51-60.
        await _store.AddAsync(Day, "exchange-one", "0", Batch(10, 10m, lastSequenceNumber: 50));

        Assert.True(await _store.AddAsync(Day, "exchange-one", "0", Batch(10, 10m, lastSequenceNumber: 55)));
        Assert.True(await _store.AddAsync(Day, "exchange-one", "0", Batch(10, 10m, lastSequenceNumber: 60)));

        Assert.Equal(new DailyVolumeTotal("exchange-one", 20, 20m), Assert.Single(await _store.GetTotalsAsync(Day)));
    }

    [Fact]
    public async Task AddAsync_WithdrawalsWithoutUsdValue_AreCountedApartOnceEach()
    {
        SequencedWithdrawal[] first = [new(1, 100m), new(2, 0m, Valued: false), new(3, 0m, Valued: false)];
        SequencedWithdrawal[] redelivered = [new(2, 0m, Valued: false), new(3, 0m, Valued: false), new(4, 0m, Valued: false), new(5, 50m)];

        await _store.AddAsync(Day, "exchange-one", "0", first);
        await _store.AddAsync(Day, "exchange-one", "0", redelivered);

        Assert.Equal(new DailyVolumeTotal("exchange-one", 5, 150m, Unvalued: 3), Assert.Single(await _store.GetTotalsAsync(Day)));
    }

    [Fact]
    public async Task AddAsync_SequenceNumbersStartedAgain_CountsTheWithdrawalsEnqueuedLater()
    {
        // The hub was recreated (or the namespace failed over): the same day's new withdrawals are numbered from 0 again.
        await _store.AddAsync(Day, "exchange-one", "0", Enqueued(Batch(10, 10m, lastSequenceNumber: 5_000), FirstEnqueued));
        var renumbered = Enqueued(Batch(4, 4m, lastSequenceNumber: 3), FirstEnqueued.AddMinutes(30));

        Assert.True(await _store.AddAsync(Day, "exchange-one", "0", renumbered));
        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", renumbered));

        Assert.Equal(new DailyVolumeTotal("exchange-one", 14, 14m), Assert.Single(await _store.GetTotalsAsync(Day)));
    }

    [Fact]
    public async Task AddAsync_ListThatStartsAgainPartWay_SkipsTheCountedAndCountsTheRenumbered()
    {
        var counted = Enqueued(Batch(10, 10m, lastSequenceNumber: 5_000), FirstEnqueued);
        await _store.AddAsync(Day, "exchange-one", "0", counted);

        Assert.True(await _store.AddAsync(
            Day, "exchange-one", "0", [.. counted.TakeLast(3), .. Enqueued(Batch(2, 2m, lastSequenceNumber: 1), FirstEnqueued.AddMinutes(30))]));
        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", Enqueued(Batch(2, 2m, lastSequenceNumber: 1), FirstEnqueued.AddMinutes(30))));

        Assert.Equal(new DailyVolumeTotal("exchange-one", 12, 12m), Assert.Single(await _store.GetTotalsAsync(Day)));
    }

    [Fact]
    public async Task AddAsync_ListEndingTheOldNumberingAndStartingTheNewAddedAgain_CountsOnce()
    {
        // A crash after this write but before the checkpoint: the retry brings the old numbering's last withdrawals again,
        // numbered above the row's new position but enqueued before it.
        await _store.AddAsync(Day, "exchange-one", "0", Enqueued(Batch(7, 7m, lastSequenceNumber: 4_997), FirstEnqueued));
        SequencedWithdrawal[] spanning =
        [
            .. Enqueued(Batch(3, 3m, lastSequenceNumber: 5_000), FirstEnqueued.AddMinutes(1)),
            .. Enqueued(Batch(2, 2m, lastSequenceNumber: 1), FirstEnqueued.AddMinutes(30)),
        ];

        Assert.True(await _store.AddAsync(Day, "exchange-one", "0", spanning));
        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", spanning));

        Assert.Equal(new DailyVolumeTotal("exchange-one", 12, 12m), Assert.Single(await _store.GetTotalsAsync(Day)));
    }

    [Fact]
    public async Task AddAsync_NewNumberingReachesTheOldOnesNumbers_CountsThem()
    {
        // Remembering where the old numbering ended must not swallow the new one once it is numbered as high.
        await _store.AddAsync(Day, "exchange-one", "0", Enqueued(Batch(5, 5m, lastSequenceNumber: 10), FirstEnqueued));
        await _store.AddAsync(Day, "exchange-one", "0", Enqueued(Batch(3, 3m, lastSequenceNumber: 2), FirstEnqueued.AddMinutes(30)));

        Assert.True(await _store.AddAsync(Day, "exchange-one", "0", Enqueued(Batch(10, 10m, lastSequenceNumber: 12), FirstEnqueued.AddMinutes(31))));

        Assert.Equal(new DailyVolumeTotal("exchange-one", 18, 18m), Assert.Single(await _store.GetTotalsAsync(Day)));
    }

    [Fact]
    public async Task AddAsync_RowWrittenWithoutEnqueuedTimes_SkipsAtOrBelowItsSequenceNumberAsBefore()
    {
        await _store.AddAsync(Day, "exchange-one", "0", Batch(10, 10m, lastSequenceNumber: 5_000));

        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", Enqueued(Batch(4, 4m, lastSequenceNumber: 3), FirstEnqueued.AddMinutes(30))));

        Assert.Equal(new DailyVolumeTotal("exchange-one", 10, 10m), Assert.Single(await _store.GetTotalsAsync(Day)));
    }

    // The withdrawals enqueued a millisecond apart from firstEnqueued, as a partition's events are.
    private static SequencedWithdrawal[] Enqueued(SequencedWithdrawal[] withdrawals, DateTimeOffset firstEnqueued) =>
        [.. withdrawals.Select((w, i) => w with { EnqueuedTime = firstEnqueued.AddMilliseconds(i) })];

    // Consecutive sequence numbers ending at lastSequenceNumber, the USD split evenly (to the cent, the last one taking the rest).
    private static SequencedWithdrawal[] Batch(int count, decimal usd, long lastSequenceNumber)
    {
        var each = Math.Round(usd / count, 2, MidpointRounding.ToZero);
        return [.. Enumerable.Range(0, count).Select(i => new SequencedWithdrawal(
            lastSequenceNumber - count + 1 + i, i == count - 1 ? usd - (each * (count - 1)) : each))];
    }
}
