using AlertFunctions.Storage.Volume;
using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DailyVolumeTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2025, 3, 14);

    private readonly DailyVolumeTableStore _store = IsolatedStorage.Create(azurite).DailyVolume;

    [Fact]
    public async Task AddAsync_SameBatchReplayed_CountsOnce()
    {
        Assert.True(await _store.AddAsync(Day, "exchange-one", "0", 10, 1000.10m, lastSequenceNumber: 50));
        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", 10, 1000.10m, lastSequenceNumber: 50));
        Assert.False(await _store.AddAsync(Day, "exchange-one", "0", 4, 1.00m, lastSequenceNumber: 20));

        var total = Assert.Single(await _store.GetTotalsAsync(Day));
        Assert.Equal(new DailyVolumeTotal("exchange-one", 10, 1000.10m), total);
    }

    [Fact]
    public async Task AddAsync_SuccessiveBatchesAndScopes_SumsExactlyPerPlatform()
    {
        await _store.AddAsync(Day, "exchange-one", "0", 10, 12_345_678_901_234_567.89m, 50);
        await _store.AddAsync(Day, "exchange-one", "0", 5, 0.01m, 60);
        await _store.AddAsync(Day, "exchange-one", "1", 2, 0.1m, 7);
        await _store.AddAsync(Day, "exchange-one", "1", 3, 0.2m, 9);
        await _store.AddAsync(Day, "ex/two#", "0", 1, 1m, 61);
        await _store.AddAsync(Day.AddDays(1), "exchange-one", "0", 100, 100m, 70);

        var totals = await _store.GetTotalsAsync(Day);

        Assert.Equal(
            [new DailyVolumeTotal("ex/two#", 1, 1m), new DailyVolumeTotal("exchange-one", 20, 12_345_678_901_234_568.20m)],
            totals);
    }
}
