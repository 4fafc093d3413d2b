using AlertFunctions.Detection.Contract;
using AlertFunctions.Storage.DeadLetters;
using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2025, 3, 14);

    private readonly DeadLetterTableStore _store = IsolatedStorage.Create(azurite).DeadLetters;

    [Fact]
    public async Task AddAsync_300KiBBody_RoundTripsByteForByte()
    {
        var item = Sample(RandomBytes(300 * 1024, seed: 1), partitionId: "3", sequenceNumber: 42) with
        {
            EnqueuedTime = At.AddSeconds(-5),
        };

        await _store.AddAsync(item);

        var stored = Assert.Single(await _store.ListByDayAsync(Day));
        Assert.True(item.RawBody.Span.SequenceEqual(stored.RawBody.Span));
        Assert.Equal(item.Reason, stored.Reason);
        Assert.Equal("3", stored.PartitionId);
        Assert.Equal(42, stored.SequenceNumber);
        Assert.Equal(item.EnqueuedTime, stored.EnqueuedTime);
        Assert.Equal(At, stored.DeadLetteredAt);
        Assert.Equal(DeadLetterSources.EventHub, stored.Source);
    }

    [Fact]
    public async Task AddAsync_BodyLargerThanOneRowHolds_RoundTripsByteForByte()
    {
        var item = Sample(RandomBytes(1024 * 1024, seed: 2), partitionId: "0", sequenceNumber: 7);

        await _store.AddAsync(item);

        var stored = Assert.Single(await _store.ListByDayAsync(Day));
        Assert.True(item.RawBody.Span.SequenceEqual(stored.RawBody.Span));
        Assert.Equal(1, await _store.CountByDayAsync(Day));
    }

    [Fact]
    public async Task AddAsync_EmptyBody_RoundTrips()
    {
        await _store.AddAsync(Sample([], partitionId: "1", sequenceNumber: 1) with
        {
            Reason = new EventRejection(RejectionReason.EmptyBody, "The event body is empty."),
        });

        var stored = Assert.Single(await _store.ListByDayAsync(Day));
        Assert.Equal(0, stored.RawBody.Length);
        Assert.Equal(RejectionReason.EmptyBody, stored.Reason.Reason);
    }

    [Fact]
    public async Task AddAsync_SamePartitionAndSequenceTwice_KeepsOneRow()
    {
        var item = Sample("{\"bad\":"u8.ToArray(), partitionId: "5", sequenceNumber: 1001);

        await _store.AddAsync(item);
        await _store.AddAsync(item with { DeadLetteredAt = At.AddMinutes(3) });

        Assert.Equal(1, await _store.CountByDayAsync(Day));
        Assert.Equal(At.AddMinutes(3), Assert.Single(await _store.ListByDayAsync(Day)).DeadLetteredAt);
    }

    [Fact]
    public async Task AddAsync_SameSequenceNumberEnqueuedAtTwoTimes_KeepsBoth()
    {
        // After the partition's numbering started again (hub recreated, Geo-DR failover) a refused event can carry the number
        // of one refused earlier that day: it is another event, and neither may overwrite the other.
        var before = Sample("{\"bad\":"u8.ToArray(), partitionId: "5", sequenceNumber: 7) with { EnqueuedTime = At.AddHours(-3) };
        var after = Sample("{\"worse\":"u8.ToArray(), partitionId: "5", sequenceNumber: 7) with { EnqueuedTime = At };

        await _store.AddAsync(before);
        await _store.AddAsync(after);
        await _store.AddAsync(after with { DeadLetteredAt = At.AddMinutes(3) });

        Assert.Equal(
            ["{\"bad\":", "{\"worse\":"],
            (await _store.ListByDayAsync(Day)).Select(d => System.Text.Encoding.UTF8.GetString(d.RawBody.Span)).Order());
    }

    [Fact]
    public async Task AddAsync_UnknownPosition_KeysByBodyHash()
    {
        var replayed = Sample("{\"a\":1}"u8.ToArray(), partitionId: null, sequenceNumber: null) with { Source = DeadLetterSources.Replay };

        await _store.AddAsync(replayed);
        await _store.AddAsync(replayed);
        await _store.AddAsync(replayed with { RawBody = "{\"a\":2}"u8.ToArray() });

        Assert.Equal(2, await _store.CountByDayAsync(Day));
        Assert.All(await _store.ListByDayAsync(Day), d => Assert.Null(d.SequenceNumber));
    }

    [Fact]
    public async Task CountByDayAsync_ItemsOnTwoDays_CountsEachDaySeparately()
    {
        await _store.AddManyAsync(
        [
            Sample([1], "0", 1),
            Sample([2], "0", 2),
            Sample([3], "1", 1),
            Sample([4], "0", 3) with { DeadLetteredAt = At.AddDays(1) },
        ]);

        Assert.Equal(3, await _store.CountByDayAsync(Day));
        Assert.Equal(1, await _store.CountByDayAsync(Day.AddDays(1)));
        Assert.Equal(0, await _store.CountByDayAsync(Day.AddDays(2)));
    }

    [Fact]
    public async Task CountByDayAndPlatformAsync_SomeNamingAPlatform_CountsEachPlatformAndThoseNamingNone()
    {
        await _store.AddManyAsync(
        [
            Sample([1], "0", 1) with { Platform = "contoso-exchange" },
            Sample([2], "0", 2) with { Platform = "contoso-exchange" },
            Sample([3], "0", 3) with { Platform = "fabrikam-exchange" },
            Sample([4], "1", 1),
        ]);

        var counts = await _store.CountByDayAndPlatformAsync(Day);

        Assert.Equal(new Dictionary<string, long> { ["contoso-exchange"] = 2, ["fabrikam-exchange"] = 1 }, counts.ByPlatform);
        Assert.Equal((1L, 4L, 0L), (counts.WithoutPlatform, counts.Total, counts.Of("northwind-exchange")));
        Assert.Equal(["contoso-exchange", "contoso-exchange", "fabrikam-exchange", null], (await _store.ListByDayAsync(Day)).Select(d => d.Platform));
    }

    [Fact]
    public async Task AddManyAsync_MoreThanOneTransactionAndDuplicates_WritesEachEventOnce()
    {
        var items = Enumerable.Range(0, 250).Select(i => Sample(RandomBytes(2000, i), "2", i)).ToList();
        items.Add(items[10]);

        await _store.AddManyAsync(items);

        var stored = await _store.ListByDayAsync(Day);
        Assert.Equal(250, stored.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (long?)i), stored.Select(d => d.SequenceNumber));
    }

    [Fact]
    public async Task AddManyAsync_SeveralLargeBodies_SplitsByRequestSize()
    {
        var items = Enumerable.Range(0, 6).Select(i => Sample(RandomBytes(900 * 1024, 100 + i), "4", i)).ToList();

        await _store.AddManyAsync(items);

        var stored = await _store.ListByDayAsync(Day);
        Assert.Equal(6, stored.Count);
        Assert.All(items.Zip(stored), pair => Assert.True(pair.First.RawBody.Span.SequenceEqual(pair.Second.RawBody.Span)));
    }

    private static DeadLetter Sample(byte[] body, string? partitionId, long? sequenceNumber) => new()
    {
        RawBody = body,
        Reason = new EventRejection(RejectionReason.InvalidJson, "Body is not valid JSON at byte 7."),
        PartitionId = partitionId,
        SequenceNumber = sequenceNumber,
        DeadLetteredAt = At,
        Source = DeadLetterSources.EventHub,
    };

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
