using AlertFunctions.Cli.Replay;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Cli.Tests;

public sealed class ReplaySettingsTests
{
    [Fact]
    public void Ctor_Defaults_OneParseWorkerPerTwoProcessorsAndTwoLanesPerProcessor()
    {
        var settings = new ReplaySettings(DetectionRules.Default, new Watchlist(WatchlistCsvReader.ReadEmbeddedDefault()));

        Assert.Equal(Math.Clamp(Environment.ProcessorCount / 2, 1, 8), settings.ParseWorkers);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount * 2, 1, 8), settings.DetectionLanes);
    }
}
