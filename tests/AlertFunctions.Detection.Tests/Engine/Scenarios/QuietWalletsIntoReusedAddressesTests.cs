using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// A compromised key set emptying many quiet hot wallets into a few addresses the thief reuses (Phemex, Jan 2025): sixteen
/// wallets on different chains and assets, about ten customer withdrawals an hour each, then forty transfers without an
/// account of $100,000-$600,000 over two hours into three new addresses. One incident: it must not become a post per wallet.
/// </summary>
public sealed class QuietWalletsIntoReusedAddressesTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Attack = Day0.AddDays(2).AddHours(9);
    private static readonly string[] Chains = ["ethereum", "bsc", "polygon", "arbitrum", "optimism", "base", "avalanche", "fantom"];
    private static readonly string[] Assets = ["USDT", "ETH"];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void FortyKeyTransfersFromSixteenWalletsIntoThreeReusedAddresses_AreOnePlatformAlertAndFewPosts(int seed)
    {
        var run = ScenarioRun.Of(Incident(seed).OrderBy(e => e.Timestamp));

        Assert.DoesNotContain(run.Alerts, a => a.WindowEnd < Attack);
        var first = run.Changes.First(c => c.NeedsNotification);
        // As early as before the fix: the seventh transfer (the third into one address), or the third when its first legs are
        // each $250,000 or more to a never-paid address.
        Assert.True(string.CompareOrdinal(first.Alert.TriggerEventId, "leg-06") <= 0, $"first alert at {first.Alert.TriggerEventId}");
        var platform = Assert.Single(run.AlertsOf(RuleIds.MultiAssetDrain));
        Assert.Equal(Severity.Critical, platform.Severity);
        // The platform alert and at most the first wallet's alert before it (and that alert's escalation). Before the legs
        // counted as drained by reuse across wallets, each wallet raised its own: 16-17 alerts and 23-24 posts on these seeds.
        var posts = run.Changes.Count(c => c.NeedsNotification);
        Assert.True(run.Alerts.Count <= 2 && posts <= 3, $"{run.Alerts.Count} alerts ({string.Join(", ", run.Alerts.Select(a => a.Rule))}), {posts} posts, first at {first.Alert.TriggerEventId}");
    }

    [Fact]
    public void FortyKeyTransfersIntoThreeReusedAddresses_RestartAtSeveralLegsChangesNothing()
    {
        // The pairs joined by reuse across wallets are read from the destination's remembered key-transfer sources and
        // the platform's drained pairs, both in the snapshot.
        var ordered = RestartReplay.InTimeOrder(Incident(12), new Random(12), jitter: false);
        foreach (var leg in new[] { 3, 6, 7, 9, 25 })
        {
            var cut = ordered.FindIndex(e => e.EventId == $"leg-{leg:D2}");
            RestartReplay.AssertRestartChangesNothing(ordered, cut, $"before leg {leg}");
        }
    }

    [Theory]
    [InlineData(21, false)]
    [InlineData(22, false)]
    [InlineData(21, true)]
    [InlineData(22, true)]
    public void CustomersOfSixteenBusyWalletsMovingToThreeNewAddresses_RaiseNoMultiAssetAlertWhereTheSameKeyTransfersDo(int seed, bool keyTransfers)
    {
        // Busy wallets, whose volume tests a few $60,000-$240,000 withdrawals an hour do not trip: with accounts, everyone
        // moving to another venue's new deposit contracts; without, the thief's reuse across wallets, which alone marks the pairs.
        var (events, wallets) = Platform(seed, eventsPerHour: 80, medianUsd: 1_500);
        var random = new Random(seed);
        for (var i = 0; i < 40; i++)
        {
            var w = wallets[i % wallets.Length];
            var leg = EventBuilder.Withdrawal().Id($"mover-{i:D2}").From(w.Wallet).Chain(w.Chain).Asset(w.Asset).Usd(60_000m + random.Next(180_000))
                .To(Addresses.Evm($"venue-deposit-{seed}-{i % 3}")).At(Attack.AddSeconds(i * 180));
            events.Add(keyTransfers ? leg : leg.Account($"acct-mover-{i}"));
        }

        var alerts = ScenarioRun.Of(events.OrderBy(e => e.Timestamp)).AlertsOf(RuleIds.MultiAssetDrain);

        Assert.Equal(keyTransfers ? 1 : 0, alerts.Count);
    }

    /// <summary>The quiet platform's day and the thief's forty transfers of $100,000-$600,000 without an account, three minutes apart, into three addresses in turn.</summary>
    private static List<WithdrawalEvent> Incident(int seed)
    {
        var (events, wallets) = Platform(seed);
        var random = new Random(seed);
        for (var i = 0; i < 40; i++)
        {
            var w = wallets[i % wallets.Length];
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i:D2}").From(w.Wallet).Chain(w.Chain).Asset(w.Asset).Usd(100_000m + random.Next(500_000))
                .To(Addresses.Evm($"phemex-thief-{seed}-{i % 3}")).At(Attack.AddSeconds(i * 180)));
        }

        return events;
    }

    /// <summary>Sixteen hot wallets, each one chain and asset, by default quiet: ten customer withdrawals an hour at a median of $1,000.</summary>
    private static (List<WithdrawalEvent> Events, (string Wallet, string Chain, string Asset)[] Wallets) Platform(int seed, double eventsPerHour = 10, double medianUsd = 1_000)
    {
        var wallets = new (string Wallet, string Chain, string Asset)[16];
        var events = new List<WithdrawalEvent>();
        for (var i = 0; i < wallets.Length; i++)
        {
            wallets[i] = (Addresses.Evm($"phemex-{seed}-{i}"), Chains[i % Chains.Length], Assets[i / Chains.Length]);
            var (wallet, chain, asset) = wallets[i];
            events.AddRange(new TrafficBuilder(seed * 100 + i) { Wallet = wallet, Assets = [asset], EventsPerHour = eventsPerHour, MedianUsd = medianUsd }
                .Between(Day0, Attack.AddHours(3)).Select(e => e with { Chain = chain }));
        }

        return (events, wallets);
    }
}
