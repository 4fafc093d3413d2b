using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

public sealed class LaneRouterTests
{
    [Fact]
    public void Route_APlatform_StaysOnItsLane()
    {
        var router = new LaneRouter(3);
        var first = router.Route("northwind-exchange");
        router.Route("contoso-defi");
        router.Route("tailspin-exchange");

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(first, router.Route(new string("northwind-exchange".AsSpan()))));
    }

    [Fact]
    public void Route_NewPlatform_GoesToTheLaneGivenTheFewestEvents()
    {
        var router = new LaneRouter(2);
        var busy = router.Route("busy");
        for (var i = 1; i < 100; i++)
        {
            router.Route("busy");
        }

        var quiet = router.Route("quiet");
        for (var i = 0; i < 150; i++)
        {
            router.Route("quiet");
        }

        var third = router.Route("third");

        Assert.NotEqual(busy, quiet);
        Assert.Equal(busy, third);
        Assert.Equal([101L, 151L], [router.Routed[busy], router.Routed[quiet]]);
    }

    [Fact]
    public void Constructor_NoLanes_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new LaneRouter(0));
}
