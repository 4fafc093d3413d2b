using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// The events a platform is expected to send (a replay's first pass counts them) only size its memory of event ids: the
/// alerts and the duplicates found are the same with any count or none, and the count must come before the platform's
/// first event, like its known wallets.
/// </summary>
public sealed class ExpectedEventsTests
{
    private static readonly DateTimeOffset Day0 = IncidentDay.Day0;

    [Fact]
    public void ExpectedEvents_AnyCount_GiveTheSameAlertsAndDuplicates()
    {
        var events = IncidentDay.Events();
        var input = events.Concat(events.Where((_, i) => i % 4 == 0)).ToList();
        var platform = events[0].Platform;
        var unhinted = ScenarioRun.Of(input);

        foreach (var count in new long[] { 0, 10, input.Count, 10_000_000 })
        {
            var run = ScenarioRun.Of([]);
            run.Engine.ExpectEvents(platform, count);
            run.Feed(input);

            Assert.NotEmpty(run.Alerts);
            Assert.Equal(AlertsText.Of(unhinted.Alerts), AlertsText.Of(run.Alerts));
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
}
