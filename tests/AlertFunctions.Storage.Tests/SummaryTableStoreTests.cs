using AlertFunctions.Storage.Summaries;
using AlertFunctions.Testing;

namespace AlertFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SummaryTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2025, 3, 14);

    private readonly SummaryTableStore _store = IsolatedStorage.Create(azurite).Summaries;

    [Fact]
    public async Task UpsertAsync_SameDayAndPlatformTwice_KeepsOneRowWithSecondValues()
    {
        var first = Sample("exchange-one", withdrawals: 10);
        var second = Sample("exchange-one", withdrawals: 25) with
        {
            VolumeUsd = 98_765_432_109_876.54m,
            AlertsByRule = new Dictionary<string, int> { ["structuring"] = 4 },
            TopSubjects = [],
            GeneratedAt = first.GeneratedAt.AddMinutes(30),
        };

        await _store.UpsertAsync(first);
        await _store.UpsertAsync(second);

        var stored = Assert.Single(await _store.ListByDayAsync(Day));
        AssertSame(second, stored);
    }

    [Fact]
    public async Task UpsertAsync_PostedAt_RoundTripsAndIsAbsentUntilSet()
    {
        var posted = new DateTimeOffset(2025, 3, 15, 0, 6, 0, TimeSpan.Zero);
        await _store.UpsertAsync(Sample("unposted"));
        await _store.UpsertAsync(Sample("posted") with { PostedAt = posted });

        var stored = await _store.ListByDayAsync(Day);

        Assert.Equal([posted, null], stored.Select(s => s.PostedAt));
    }

    [Fact]
    public async Task ListByDayAsync_SeveralPlatforms_ReturnsThatDayOnlyWithOddNamesIntact()
    {
        var odd = Sample("ex/ch#1?:%");
        var plain = Sample("alpha");
        await _store.UpsertAsync(odd);
        await _store.UpsertAsync(plain);
        await _store.UpsertAsync(Sample("alpha") with { Day = Day.AddDays(1) });

        var stored = await _store.ListByDayAsync(Day);

        Assert.Equal(["alpha", "ex/ch#1?:%"], stored.Select(s => s.Platform));
        AssertSame(odd, stored[1]);
    }

    private static DailySummaryRecord Sample(string platform, long withdrawals = 1200) => new()
    {
        Day = Day,
        Platform = platform,
        Withdrawals = withdrawals,
        VolumeUsd = 12_345_678.905m,
        AlertsByRule = new Dictionary<string, int> { ["rapid-drain"] = 2, ["mixer-usage"] = 1 },
        AlertsBySeverity = new Dictionary<string, int> { ["high"] = 2, ["critical"] = 1 },
        TopSubjects =
        [
            new SummarySubject("0xabc", "sourceWallet", "rapid-drain", 1_000_000.01m, "rapid-drain-1"),
            new SummarySubject("acct-9", "account", "mixer-usage", 55.5m, "mixer-usage-2"),
        ],
        DeadLettered = 3,
        DeadLetteredWithoutPlatform = 2,
        UnvaluedWithdrawals = 4,
        UndeliveredNotifications = 1,
        GeneratedAt = new DateTimeOffset(2025, 3, 15, 0, 5, 0, TimeSpan.Zero),
    };

    private static void AssertSame(DailySummaryRecord expected, DailySummaryRecord actual)
    {
        Assert.Equal(expected.Day, actual.Day);
        Assert.Equal(expected.Platform, actual.Platform);
        Assert.Equal(expected.Withdrawals, actual.Withdrawals);
        Assert.Equal(expected.VolumeUsd, actual.VolumeUsd);
        Assert.Equal(expected.AlertsByRule.OrderBy(p => p.Key), actual.AlertsByRule.OrderBy(p => p.Key));
        Assert.Equal(expected.AlertsBySeverity.OrderBy(p => p.Key), actual.AlertsBySeverity.OrderBy(p => p.Key));
        Assert.Equal(expected.TopSubjects, actual.TopSubjects);
        Assert.Equal(expected.DeadLettered, actual.DeadLettered);
        Assert.Equal(expected.DeadLetteredWithoutPlatform, actual.DeadLetteredWithoutPlatform);
        Assert.Equal(expected.UnvaluedWithdrawals, actual.UnvaluedWithdrawals);
        Assert.Equal(expected.UndeliveredNotifications, actual.UndeliveredNotifications);
        Assert.Equal(expected.GeneratedAt, actual.GeneratedAt);
        Assert.Equal(expected.PostedAt, actual.PostedAt);
    }
}
