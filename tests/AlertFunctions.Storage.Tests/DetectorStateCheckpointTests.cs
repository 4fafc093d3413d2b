using System.Security.Cryptography;
using System.Text;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Storage.Tables;
using AlertFunctions.Testing;
using Azure.Data.Tables;

namespace AlertFunctions.Storage.Tests;

/// <summary>
/// The checkpoint row's sequence number and enqueued time: what tells a redelivery from events numbered again after the hub
/// was recreated or the namespace failed over.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DetectorStateCheckpointTests(AzuriteFixture azurite)
{
    private const string Scope = "partition-7";

    // Sub-millisecond on purpose: a redelivered event must compare equal, not later, after the round trip.
    private static readonly DateTimeOffset Enqueued = new DateTimeOffset(2026, 3, 14, 8, 59, 59, TimeSpan.Zero).AddTicks(1_234_567);

    private readonly AlertStorageOptions _options = IsolatedStorage.Options(azurite);

    private DetectorStateStore NewStore() => AlertStores.Create(_options).DetectorState;

    [Fact]
    public async Task SaveAsync_WithEnqueuedTime_LoadReadsItBackExactly()
    {
        var store = NewStore();

        var saved = await store.SaveAsync(Scope, [Entry("a")], await store.LoadAsync(Scope), 42, lastEnqueuedTime: Enqueued);

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal((42L, Enqueued), (loaded.LastSequenceNumber, loaded.LastEnqueuedTime));
        Assert.Equal((42L, Enqueued), (saved.LastSequenceNumber, saved.LastEnqueuedTime));
    }

    [Fact]
    public async Task SaveAsync_SequenceNumberBelowTheCheckpoint_MovesTheCheckpointBack()
    {
        // The numbering started again: the new checkpoint is lower than the stored one, and that is what must be stored.
        var store = NewStore();
        var first = await store.SaveAsync(Scope, [Entry("a")], await store.LoadAsync(Scope), 5_000_000, lastEnqueuedTime: Enqueued);

        await store.SaveAsync(Scope, [Entry("b")], first, 3, lastEnqueuedTime: Enqueued.AddMinutes(10));

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal((3L, Enqueued.AddMinutes(10)), (loaded.LastSequenceNumber, loaded.LastEnqueuedTime));
        Assert.Equal(2, loaded.Generation);
    }

    [Fact]
    public async Task SaveAsync_WithoutSequenceNumber_KeepsTheCheckpointAndItsEnqueuedTime()
    {
        var store = NewStore();
        var first = await store.SaveAsync(Scope, [Entry("a")], await store.LoadAsync(Scope), 42, lastEnqueuedTime: Enqueued);

        await store.SaveAsync(Scope, [Entry("a")], first, lastSequenceNumber: null);

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal((42L, Enqueued), (loaded.LastSequenceNumber, loaded.LastEnqueuedTime));
    }

    [Fact]
    public async Task SaveAsync_SequenceNumberWithoutEnqueuedTime_DropsTheEarlierTime()
    {
        // The earlier time bounds only the events up to the earlier checkpoint; kept with a later one it would make a
        // redelivery of the events between them look newer than the checkpoint.
        var store = NewStore();
        var first = await store.SaveAsync(Scope, [Entry("a")], await store.LoadAsync(Scope), 42, lastEnqueuedTime: Enqueued);

        await store.SaveAsync(Scope, [Entry("a")], first, 50);

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal((50L, (DateTimeOffset?)null), (loaded.LastSequenceNumber, loaded.LastEnqueuedTime));
    }

    [Fact]
    public async Task LoadAsync_CheckpointRowWrittenBeforeEnqueuedTimesWereRecorded_HasNoEnqueuedTime()
    {
        await RawTable().UpsertEntityAsync(new TableEntity(TableKey.Encode(Scope), "_checkpoint")
        {
            ["Generation"] = 3L, ["LastSequenceNumber"] = 77L,
        });

        var loaded = await NewStore().LoadAsync(Scope);

        Assert.Equal((3L, 77L, (DateTimeOffset?)null), (loaded.Generation, loaded.LastSequenceNumber, loaded.LastEnqueuedTime));
    }

    [Fact]
    public async Task SaveAsync_StoppedPartWay_TheCheckpointKeepsTheEnqueuedTimeOfTheLastFinishedSave()
    {
        // The first transactions of a split save rewrite the checkpoint row to mark the save in progress. Were the enqueued
        // time lost there, the retry of a batch numbered again would be taken for a redelivery and skipped.
        var store = NewStore();
        var first = await store.SaveAsync(Scope, [Entry("wallet/0")], await store.LoadAsync(Scope), 5_000_000, lastEnqueuedTime: Enqueued);
        await AddRowUnknownToTheSnapshotAsync("wallet/150");

        await Assert.ThrowsAsync<DetectorStateConflictException>(() =>
            store.SaveAsync(Scope, [.. Enumerable.Range(0, 200).Select(i => Entry($"wallet/{i}"))], first, 199, lastEnqueuedTime: Enqueued.AddMinutes(10)));

        var interrupted = await NewStore().LoadAsync(Scope);
        Assert.True(interrupted.HasInterruptedSave);
        Assert.Equal((5_000_000L, Enqueued), (interrupted.LastSequenceNumber, interrupted.LastEnqueuedTime));
    }

    /// <summary>A key row written behind the store's back: the save adding that key fails after its earlier transactions landed.</summary>
    private async Task AddRowUnknownToTheSnapshotAsync(string key) =>
        await RawTable().AddEntityAsync(new TableEntity(TableKey.Encode(Scope), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))))
        {
            ["Key"] = key, ["PayloadLength"] = 1, ["Payload0"] = new byte[] { 9 },
        });

    private TableClient RawTable()
    {
        var table = new TableClient(azurite.ConnectionString, _options.DetectorStateTableName);
        table.CreateIfNotExists();
        return table;
    }

    private static DetectorStateEntry Entry(string key) => new(key, [1, 2, 3]);
}
