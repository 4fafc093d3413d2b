using System.Security.Cryptography;
using System.Text;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Storage.Configuration;
using AlertFunctions.Storage.DetectorState;
using AlertFunctions.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DetectorStateStoreTests(AzuriteFixture azurite)
{
    private const string Scope = "platform:3f/a#b?c";

    private readonly AlertStorageOptions _options = IsolatedStorage.Options(azurite);

    private DetectorStateStore NewStore() => AlertStores.Create(_options).DetectorState;

    [Fact]
    public async Task SaveAsync_OddKeysAndLargePayload_LoadRoundTrips()
    {
        var store = NewStore();
        DetectorStateEntry[] entries =
        [
            Entry("wallet/0xAbC/usdt", 100),
            Entry("acct#42", 1),
            Entry("what?is=this&x", 0),
            Entry("目的地-ünïcødé-🚀", 64 * 1024),
            Entry("back\\slash%41:colon\t\u0001", 10),
            Entry("platform", 500 * 1024),
        ];

        var saved = await store.SaveAsync(Scope, entries, await store.LoadAsync(Scope), lastSequenceNumber: 99);
        var loaded = await NewStore().LoadAsync(Scope);

        Assert.Equal(entries.Length, loaded.Entries.Count);
        foreach (var entry in entries)
        {
            Assert.True(loaded.TryGetEntry(entry.Key, out var stored), entry.Key);
            Assert.Equal(entry.Payload, stored.Payload);
        }

        Assert.Equal(1, saved.Generation);
        Assert.Equal(1, loaded.Generation);
        Assert.Equal(99, loaded.LastSequenceNumber);
        Assert.False(loaded.HasInterruptedSave);
    }

    [Fact]
    public async Task SaveAsync_RowKeyIsHashOfKeyWithOriginalKeyStored()
    {
        var store = NewStore();
        await store.SaveAsync("0", [Entry("wallet/1", 5)], await store.LoadAsync("0"), 1);

        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("wallet/1")));
        var row = await new TableClient(azurite.ConnectionString, _options.DetectorStateTableName).GetEntityAsync<TableEntity>("0", rowKey);
        Assert.Equal("wallet/1", row.Value.GetString("Key"));
    }

    [Fact]
    public async Task SaveAsync_TwoWritersFromSameSnapshotOfExistingScope_SecondThrowsConflictAndWritesNothing()
    {
        var seed = NewStore();
        await seed.SaveAsync(Scope, [Entry("shared", 10)], await seed.LoadAsync(Scope), 10);
        var first = NewStore();
        var second = NewStore();
        var firstSnapshot = await first.LoadAsync(Scope);
        var secondSnapshot = await second.LoadAsync(Scope);

        await first.SaveAsync(Scope, [Entry("shared", 11), Entry("first-only", 1)], firstSnapshot, 20);
        var ex = await Assert.ThrowsAsync<DetectorStateConflictException>(
            () => second.SaveAsync(Scope, [Entry("second-only", 1)], secondSnapshot, 20));

        Assert.Equal(Scope, ex.Scope);
        Assert.Contains("was changed by another writer after it was loaded at generation 1", ex.Message, StringComparison.Ordinal);
        var loaded = await NewStore().LoadAsync(Scope);
        Assert.False(loaded.TryGetEntry("second-only", out _));
        Assert.True(loaded.TryGetEntry("first-only", out _));
        Assert.Equal(Entry("shared", 11).Payload, Payload(loaded, "shared"));
    }

    [Fact]
    public async Task SaveAsync_TwoWritersOnNewScope_SecondThrowsConflict()
    {
        var first = NewStore();
        var second = NewStore();
        var firstSnapshot = await first.LoadAsync("7");
        var secondSnapshot = await second.LoadAsync("7");

        await first.SaveAsync("7", [Entry("a", 1)], firstSnapshot, 1);

        await Assert.ThrowsAsync<DetectorStateConflictException>(() => second.SaveAsync("7", [Entry("b", 1)], secondSnapshot, 1));
    }

    [Fact]
    public async Task SaveAsync_SameSnapshotUsedTwice_SecondSaveThrowsConflict()
    {
        var store = NewStore();
        var snapshot = await store.LoadAsync(Scope);
        await store.SaveAsync(Scope, [Entry("a", 1)], snapshot, 1);

        await Assert.ThrowsAsync<DetectorStateConflictException>(() => store.SaveAsync(Scope, [Entry("a", 2)], snapshot, 2));
    }

    [Fact]
    public async Task SaveAsync_ChainedFromReturnedSnapshots_UpdatesAndRemovesKeys()
    {
        var store = NewStore();
        var s1 = await store.SaveAsync(Scope, [Entry("a", 1), Entry("b", 2)], await store.LoadAsync(Scope), 100);
        var s2 = await store.SaveAsync(Scope, [Entry("a", 3)], s1, 200, removedKeys: ["b"]);

        var loaded = await NewStore().LoadAsync(Scope);

        Assert.Equal(2, s2.Generation);
        Assert.Equal(200, loaded.LastSequenceNumber);
        Assert.Equal(["a"], loaded.Entries.Select(e => e.Key));
        Assert.Equal(Entry("a", 3).Payload, Payload(loaded, "a"));
        Assert.Equal(Entry("a", 3).Payload, Payload(s2, "a"));
    }

    [Fact]
    public async Task SaveAsync_NoSequenceNumber_KeepsPreviousCheckpoint()
    {
        var store = NewStore();
        var s1 = await store.SaveAsync(Scope, [Entry("a", 1)], await store.LoadAsync(Scope), 4242);

        await store.SaveAsync(Scope, [Entry("a", 2)], s1, lastSequenceNumber: null);

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal(4242, loaded.LastSequenceNumber);
        Assert.Equal(2, loaded.Generation);
    }

    [Fact]
    public async Task LoadAsync_UnknownScope_IsEmptyGenerationZero()
    {
        var snapshot = await NewStore().LoadAsync("never-saved");

        Assert.Empty(snapshot.Entries);
        Assert.Equal(0, snapshot.Generation);
        Assert.Null(snapshot.LastSequenceNumber);
    }

    [Fact]
    public async Task SaveAsync_MoreKeysThanOneTransaction_WritesAll()
    {
        var store = NewStore();
        var entries = Enumerable.Range(0, 250).Select(i => Entry($"wallet/{i}", 300)).ToList();

        await store.SaveAsync(Scope, entries, await store.LoadAsync(Scope), 5);

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal(250, loaded.Entries.Count);
        Assert.Equal(5, loaded.LastSequenceNumber);
        Assert.False(loaded.HasInterruptedSave);
    }

    [Fact]
    public async Task SaveAsync_FailsInSecondTransaction_CheckpointStillClaimsPreviousBatch()
    {
        var store = NewStore();
        var s1 = await store.SaveAsync(Scope, [Entry("existing", 1)], await store.LoadAsync(Scope), 100);
        var intruder = Entry("wallet/150", 1);
        // A row the snapshot does not know about, written without touching the checkpoint: the Add in transaction 2 fails.
        var raw = new TableClient(azurite.ConnectionString, _options.DetectorStateTableName);
        await raw.AddEntityAsync(new TableEntity(
            Tables.TableKey.Encode(Scope),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(intruder.Key))))
        {
            ["Key"] = intruder.Key, ["PayloadLength"] = 1, ["Payload0"] = new byte[] { 9 },
        });
        var entries = Enumerable.Range(0, 200).Select(i => Entry($"wallet/{i}", 10)).ToList();

        await Assert.ThrowsAsync<DetectorStateConflictException>(() => store.SaveAsync(Scope, entries, s1, 200));

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal(100, loaded.LastSequenceNumber);
        Assert.Equal(1, loaded.Generation);
        Assert.True(loaded.HasInterruptedSave);
        Assert.Equal(200, loaded.InterruptedSequenceNumber);
    }

    [Fact]
    public async Task LoadAsync_AfterASaveStoppedPartWay_ReadsTheRowsItReachedAsTheyWereBeforeIt()
    {
        var store = NewStore();
        var committed = Enumerable.Range(0, 10).Select(i => Entry($"wallet/{i}", 5)).Append(Entry("existing", 1)).ToList();
        var s1 = await store.SaveAsync(Scope, committed, await store.LoadAsync(Scope), 100);
        await AddIntruderAsync("wallet/150");
        var entries = Enumerable.Range(0, 200).Select(i => Entry($"wallet/{i}", 10)).Append(Entry("existing", 2)).ToList();

        // The first transaction (wallet/0..98) lands, the second fails on the intruder, the rest never go.
        await Assert.ThrowsAsync<DetectorStateConflictException>(() => store.SaveAsync(Scope, entries, s1, 200));

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.True(loaded.HasInterruptedSave);
        Assert.Equal(
            committed.Select(e => (e.Key, Convert.ToHexString(e.Payload))).Append(("wallet/150", "09")).Order(),
            loaded.Entries.Select(e => (e.Key, Convert.ToHexString(e.Payload))).Order());
    }

    [Fact]
    public async Task SaveAsync_AfterASaveStoppedPartWay_WritesBackOrDeletesTheRowsItReachedThatThisSaveDoesNotTouch()
    {
        var store = NewStore();
        var committed = Enumerable.Range(0, 10).Select(i => Entry($"wallet/{i}", 5)).ToList();
        var s1 = await store.SaveAsync(Scope, committed, await store.LoadAsync(Scope), 100);
        var intruder = await AddIntruderAsync("wallet/150");
        await Assert.ThrowsAsync<DetectorStateConflictException>(() =>
            store.SaveAsync(Scope, Enumerable.Range(0, 200).Select(i => Entry($"wallet/{i}", 10)).ToList(), s1, 200));
        await RawTable().DeleteEntityAsync(intruder.PartitionKey, intruder.RowKey);
        var interrupted = await NewStore().LoadAsync(Scope);

        // A retry with a smaller batch touches only wallet/0: wallet/1..9 go back to their committed rows, and the rows the
        // stopped save added (wallet/10..98) go, so a later load cannot take them for committed state.
        await store.SaveAsync(Scope, [Entry("wallet/0", 20)], interrupted, 150);

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.False(loaded.HasInterruptedSave);
        Assert.Equal(
            committed.Skip(1).Prepend(Entry("wallet/0", 20)).Select(e => (e.Key, Convert.ToHexString(e.Payload))).Order(),
            loaded.Entries.Select(e => (e.Key, Convert.ToHexString(e.Payload))).Order());
        var rows = await RawTable().QueryAsync<TableEntity>(e => e.PartitionKey == Tables.TableKey.Encode(Scope)).ToListAsync();
        Assert.Equal(11, rows.Count);
        Assert.All(rows, row => Assert.False(row.ContainsKey("PreviousLength"), $"{row.GetString("Key")} still carries an undo"));
    }

    [Fact]
    public async Task LoadAsync_AfterASaveStoppedPartWay_ReadsARowTooLargeForItsUndoAsItWasBeforeIt()
    {
        // A platform row of 600 KiB fits a table row only without its undo (4106). Written in the first transaction, it
        // landed before the save stopped and read as the stopped batch's: with the batch's event ids in it, the retry skips
        // every event of the batch. Written with the checkpoint, it lands only with the save.
        var store = NewStore();
        var committed = Enumerable.Range(0, 10).Select(i => Entry($"wallet/{i}", 5)).Append(Entry("platform", 600 * 1024)).ToList();
        var s1 = await store.SaveAsync(Scope, committed, await store.LoadAsync(Scope), 100);
        await AddIntruderAsync("wallet/150");
        var entries = Enumerable.Range(0, 200).Select(i => Entry($"wallet/{i}", 10)).Prepend(Entry("platform", (600 * 1024) + 1)).ToList();

        await Assert.ThrowsAsync<DetectorStateConflictException>(() => store.SaveAsync(Scope, entries, s1, 200));

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.True(loaded.HasInterruptedSave);
        Assert.True(loaded.TryGetEntry("platform", out var platform));
        Assert.Equal(600 * 1024, platform.Payload.Length);
        Assert.Equal(
            committed.Select(e => (e.Key, Convert.ToHexString(e.Payload))).Append(("wallet/150", "09")).Order(),
            loaded.Entries.Select(e => (e.Key, Convert.ToHexString(e.Payload))).Order());
    }

    [Fact]
    public async Task SaveAsync_OneTransaction_WritesNoUndo()
    {
        var store = NewStore();
        var s1 = await store.SaveAsync(Scope, [Entry("a", 5)], await store.LoadAsync(Scope), 1);

        await store.SaveAsync(Scope, [Entry("a", 6), Entry("b", 6)], s1, 2);

        var rows = await RawTable().QueryAsync<TableEntity>(e => e.PartitionKey == Tables.TableKey.Encode(Scope)).ToListAsync();
        Assert.All(rows, row => Assert.False(row.ContainsKey("PreviousLength") || row.ContainsKey("AddedInSave")));
    }

    /// <summary>A row the snapshot does not know about, written without touching the checkpoint: a save adding its key fails.</summary>
    private async Task<TableEntity> AddIntruderAsync(string key)
    {
        var row = new TableEntity(Tables.TableKey.Encode(Scope), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))))
        {
            ["Key"] = key, ["PayloadLength"] = 1, ["Payload0"] = new byte[] { 9 },
        };
        await RawTable().AddEntityAsync(row);
        return row;
    }

    private TableClient RawTable() => new(azurite.ConnectionString, _options.DetectorStateTableName);

    [Fact]
    public async Task SaveAsync_AfterInterruptedSave_ClearsTheFlag()
    {
        var store = NewStore();
        await store.SaveAsync(Scope, [Entry("a", 1)], await store.LoadAsync(Scope), 1);
        var raw = new TableClient(azurite.ConnectionString, _options.DetectorStateTableName);
        var checkpoint = (await raw.GetEntityAsync<TableEntity>(Tables.TableKey.Encode(Scope), "_checkpoint")).Value;
        checkpoint["SaveInProgress"] = true;
        await raw.UpdateEntityAsync(checkpoint, checkpoint.ETag, TableUpdateMode.Replace);
        var interrupted = await NewStore().LoadAsync(Scope);

        await store.SaveAsync(Scope, [Entry("a", 2)], interrupted, 2);

        Assert.True(interrupted.HasInterruptedSave);
        Assert.False((await NewStore().LoadAsync(Scope)).HasInterruptedSave);
    }

    [Fact]
    public async Task SaveAsync_PayloadLargerThanARow_DropsThatKeyAndItsStoredRowLogsAnErrorAndSavesTheRest()
    {
        // Refusing the whole save would fail the batch on every retry and hold the partition.
        var logs = new FakeLogCollector();
        using var loggers = new LoggerFactory([new FakeLoggerProvider(logs)]);
        var store = AlertStores.Create(_options, loggers).DetectorState;
        var first = await store.SaveAsync(Scope, [Entry("platform", 100), Entry("wallet", 10)], await store.LoadAsync(Scope), 1);

        var second = await store.SaveAsync(Scope, [Entry("platform", 1024 * 1024), Entry("account", 10)], first, 2);

        var loaded = await NewStore().LoadAsync(Scope);
        Assert.Equal(["account", "wallet"], loaded.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["account", "wallet"], second.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, loaded.LastSequenceNumber);
        var error = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 4105);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.StartsWith($"Detector state platform of scope {Scope} is 1048576 bytes and does not fit one table row (about 778240)", error.Message, StringComparison.Ordinal);

        // The next save of that key, small again, lands as a new row.
        await store.SaveAsync(Scope, [Entry("platform", 100)], second, 3);
        Assert.Equal(Entry("platform", 100).Payload, Payload(await NewStore().LoadAsync(Scope), "platform"));
    }

    [Fact]
    public async Task SaveAsync_PayloadNearTheRowLimit_RoundTrips()
    {
        var store = NewStore();
        var entry = Entry("wallet/big", 740 * 1024);

        await store.SaveAsync(Scope, [entry], await store.LoadAsync(Scope), 1);

        Assert.Equal(entry.Payload, Payload(await NewStore().LoadAsync(Scope), "wallet/big"));
    }

    [Fact]
    public async Task SaveAsync_DuplicateKeys_ThrowsArgumentException()
    {
        var store = NewStore();
        var snapshot = await store.LoadAsync(Scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Scope, [Entry("a", 1), Entry("a", 2)], snapshot, 1));

        Assert.StartsWith("Key 'a' appears more than once in the touched entries.", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Payload(DetectorStateSnapshot snapshot, string key) =>
        snapshot.TryGetEntry(key, out var entry) ? entry.Payload : throw new KeyNotFoundException(key);

    /// <summary>Deterministic payload derived from key and size, so a changed size is a changed payload.</summary>
    private static DetectorStateEntry Entry(string key, int size)
    {
        var payload = new byte[size];
        new Random((size * 31) + key.Length).NextBytes(payload);
        return new DetectorStateEntry(key, payload);
    }
}
