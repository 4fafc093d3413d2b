using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A thief who issues withdrawals through the exchange's own withdrawal system (a compromised back office, or customers'
/// accounts taken over) on an ordinary day: his legs carry customer accounts, like a whale's, and unlike a key's transfer.
/// The crash's whales (<see cref="MarketCrashTests"/>) leave during a rush of ordinary withdrawals; he does not need one.
/// </summary>
public sealed class CompromisedWithdrawalSystemTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Theft = Day0.AddDays(3).AddHours(14);
    private static readonly string[] Assets = ["USDT", "ETH", "BTC", "USDC"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FourPairsEachSendingOneLegWithAnAccountToANewAddress_RaiseMultiAssetDrain(bool oneVictim)
    {
        // $400,000 each, under large-withdrawal's $1,000,000 floor: the platform alert is the only one.
        var events = OrdinaryDays();
        for (var i = 0; i < 4; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"takeover-{i}").From(Hot(i % 3)).Asset(Assets[i]).Usd(400_000m)
                .To(Addresses.Evm($"takeover-{i}")).Account(oneVictim ? "acct-victim" : $"acct-victim-{i}").At(Theft.AddMinutes(i * 4)).Build());
        }

        var run = ScenarioRun.Of(events);

        var alert = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal(Severity.Critical, alert.Severity);
        Assert.Equal(4, alert.Details.Observed);
        Assert.Equal("takeover-2", run.Changes.First(c => c.Alert.Rule == RuleIds.MultiAssetDrain).Alert.TriggerEventId);
    }

    [Fact]
    public void ChunksWithAnAccountOverTwelveHours_AreCountedAsATricklesLargeLegs()
    {
        var events = OrdinaryDays();
        events.AddRange(Chunks());

        var run = ScenarioRun.Of(events);

        // The sixth chunk, as for the same chunks sent without an account; the fresh-destination test alone waits for the eighth.
        var first = run.Changes.First(c => c.Alert.Rule == RuleIds.RapidDrain).Alert;
        Assert.Equal("chunk-5", first.TriggerEventId);
        Assert.Contains("6 withdrawals of at least 20x the usual size went to addresses first paid within 12 h", first.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ChunksWithAnAccount_RestartAtAnyChunkChangesNothing()
    {
        var events = OrdinaryDays().Where(e => e.SourceWallet == Hot(0) && e.Asset == "USDT").Concat(Chunks()).ToList();
        var ordered = RestartReplay.InTimeOrder(events, new Random(5), jitter: false);
        foreach (var chunk in new[] { 3, 5, 6 })
        {
            var cut = ordered.FindIndex(e => e.EventId == $"chunk-{chunk}");
            RestartReplay.AssertRestartChangesNothing(ordered, cut, $"before chunk {chunk}");
        }
    }

    private static IEnumerable<WithdrawalEvent> Chunks() => Enumerable.Range(0, 8).Select(i =>
        EventBuilder.Withdrawal().Id($"chunk-{i}").From(Hot(0)).Asset("USDT").Usd(300_000m).To(Addresses.Evm($"chunk-collector-{i % 2}"))
            .Account("acct-victim").At(Theft.AddMinutes(i * 80)).Build());

    private static string Hot(int i) => Addresses.Evm($"takeover-hot-{i}");

    private static List<WithdrawalEvent> OrdinaryDays()
    {
        var events = new List<WithdrawalEvent>();
        for (var w = 0; w < 3; w++)
        {
            events.AddRange(new TrafficBuilder(7 + w, customers: 4_000)
            {
                Wallet = Hot(w), Assets = Assets, EventsPerHour = 100, MedianUsd = 1_200,
            }.Between(Day0, Day0.AddDays(4)));
        }

        return events;
    }
}
