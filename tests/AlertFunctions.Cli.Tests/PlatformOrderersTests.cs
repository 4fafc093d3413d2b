using AlertFunctions.Cli.Replay;
using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Tests;

public sealed class PlatformOrderersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> NoneInOrder = [];

    [Fact]
    public void Add_PlatformFarAhead_DoesNotReleaseAnotherPlatformsHeldEvents()
    {
        var orderers = new PlatformOrderers(TimeSpan.FromMinutes(5), NoneInOrder);
        var released = new Released();

        orderers.Add(Event("b-2", "b", T0.AddMinutes(2)), released);
        orderers.Add(Event("a-1", "a", T0.AddHours(3)), released);
        orderers.Add(Event("b-1", "b", T0.AddMinutes(1)), released);

        Assert.Empty(released.Ids);
        orderers.Flush(released);
        Assert.Equal(["a-1", "b-1", "b-2"], released.Ids);
    }

    [Fact]
    public void Add_OnePlatformPastItsLateness_ReleasesItsEventsInTimeOrder()
    {
        var orderers = new PlatformOrderers(TimeSpan.FromMinutes(5), NoneInOrder);
        var released = new Released();

        orderers.Add(Event("b-3", "b", T0.AddMinutes(3)), released);
        orderers.Add(Event("b-1", "b", T0.AddMinutes(1)), released);
        orderers.Add(Event("b-2", "b", T0.AddMinutes(2)), released);
        orderers.Add(Event("b-9", "b", T0.AddMinutes(9)), released);

        Assert.Equal(["b-1", "b-2", "b-3"], released.Ids);
    }

    [Fact]
    public void Add_PlatformFoundInOrder_GoesOnAtOnceWhileAnotherIsHeld()
    {
        var orderers = new PlatformOrderers(TimeSpan.FromMinutes(5), new HashSet<string> { "a" });
        var released = new Released();

        orderers.Add(Event("b-1", "b", T0.AddMinutes(1)), released);
        orderers.Add(Event("a-1", "a", T0.AddMinutes(1)), released);
        orderers.Add(Event("a-2", "a", T0.AddMinutes(2)), released);

        Assert.Equal(["a-1", "a-2"], released.Ids);
        orderers.Flush(released);
        Assert.Equal(["a-1", "a-2", "b-1"], released.Ids);
    }

    [Fact]
    public void Add_ManyReorderedEventsAcrossTheRingsWrapAndGrowth_ReleasesEachOnceInTimeThenIdOrder()
    {
        var orderers = new PlatformOrderers(TimeSpan.FromMinutes(30), NoneInOrder);
        var released = new Released();
        var random = new Random(7);
        var events = Enumerable.Range(0, 5_000)
            .Select(i => Event($"e-{i:D5}", "a", T0.AddSeconds(i).AddSeconds(random.Next(0, 20 * 60))))
            .ToList();

        foreach (var e in events)
        {
            orderers.Add(e, released);
        }

        orderers.Flush(released);

        var expected = events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal).Select(e => e.EventId);
        Assert.Equal(expected, released.Ids);
    }

    private static WithdrawalEvent Event(string id, string platform, DateTimeOffset at) => new()
    {
        EventId = id,
        Platform = platform,
        Chain = "ethereum",
        Asset = "ETH",
        Amount = 1m,
        SourceWallet = "0xsource",
        DestinationAddress = "0xdestination",
        Timestamp = at,
    };

    private sealed class Released : IEventSink
    {
        public List<string> Ids { get; } = [];

        public void Process(in WithdrawalEvent e) => Ids.Add(e.EventId);
    }
}
