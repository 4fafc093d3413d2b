using System.Text.Json;
using AlertFunctions.Detection.Alerts;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// The events a platform is expected to send (a replay's first pass counts them) only size its memory of event ids: the
/// alerts and the duplicates found are the same with any count or none, and the count must come before the platform's
/// first event, like its known wallets.
/// </summary>
public sealed class ExpectedEventsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ExpectedEvents_AnyCount_GiveTheSameAlertsAndDuplicates()
    {
        var hot = Addresses.Evm("hot");
        var events = new TrafficBuilder(20) { Wallet = hot, Assets = ["USDT", "ETH"], StartingBalanceUsd = 8_000_000m }.Between(Day0, Day0.AddDays(2)).ToList();
        for (var i = 0; i < 6; i++)
        {
            events.Add(EventBuilder.Withdrawal().Id($"leg-{i}").From(hot).Asset("USDT").Usd(900_000m).To(Addresses.Evm("attacker")).At(Day0.AddDays(2).AddMinutes(-30 + (3 * i))));
        }

        var input = events.Concat(events.Where((_, i) => i % 4 == 0)).ToList();
        var platform = events[0].Platform;
        var unhinted = ScenarioRun.Of(input);

        foreach (var count in new long[] { 0, 10, input.Count, 10_000_000 })
        {
            var run = ScenarioRun.Of([]);
            run.Engine.ExpectEvents(platform, count);
            run.Feed(input);

            Assert.NotEmpty(run.Alerts);
            Assert.Equal(Serialize(unhinted.Alerts), Serialize(run.Alerts));
            Assert.Equal(unhinted.Engine.Counters.Duplicates, run.Engine.Counters.Duplicates);
        }
    }

    [Fact]
    public void ExpectEvents_AfterThePlatformsFirstEvent_Throws()
    {
        var run = ScenarioRun.Of([EventBuilder.Withdrawal().Id("a").Platform("northwind-exchange").At(Day0)]);

        var error = Assert.Throws<InvalidOperationException>(() => run.Engine.ExpectEvents("northwind-exchange", 100));

        Assert.Contains("northwind-exchange", error.Message, StringComparison.Ordinal);
        run.Engine.ExpectEvents("contoso-defi", 100);
    }

    [Fact]
    public void ExpectEvents_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioRun.Of([]).Engine.ExpectEvents("northwind-exchange", -1));
    }

    private static string Serialize(IEnumerable<Alert> alerts) =>
        string.Join('\n', alerts.Select(a => JsonSerializer.Serialize(a, AlertJsonContext.Default.Alert)));
}
