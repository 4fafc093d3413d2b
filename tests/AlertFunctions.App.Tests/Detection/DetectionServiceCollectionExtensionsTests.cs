using AlertFunctions.App.Detection;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertFunctions.App.Tests.Detection;

public sealed class DetectionServiceCollectionExtensionsTests : IDisposable
{
    private const string WatchlistHeader = "address,chain,category,label,source";

    private readonly TemporaryFiles _files = new();

    [Fact]
    public void AddDetection_NoSettings_UsesBuiltInRulesAndTheEmbeddedWatchlist()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Same(DetectionRules.Default, provider.GetRequiredService<DetectionRules>());
        Assert.Equal(WatchlistCsvReader.ReadEmbeddedDefault().Count, provider.GetRequiredService<Watchlist>().Count);
    }

    [Fact]
    public void AddDetection_FilesConfigured_LoadsThemWithTheEmbeddedList()
    {
        var rules = _files.Write("rules.json", """{ "allowedLatenessSeconds": 120 }""");
        var first = _files.Write("first.csv", $"{WatchlistHeader}\n0x00000000000000000000000000000000000000a1,ethereum,sanctioned,One,test\n");
        var second = _files.Write("second.csv", $"{WatchlistHeader}\n0x00000000000000000000000000000000000000b2,ethereum,mixer,Two,test\n");
        using var provider = Build(new()
        {
            ["Detection:RulesFile"] = rules,
            ["Detection:WatchlistFiles:0"] = first,
            ["Detection:WatchlistFiles:1"] = second,
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(TimeSpan.FromSeconds(120), provider.GetRequiredService<DetectionRules>().AllowedLateness);
        var watchlist = provider.GetRequiredService<Watchlist>();
        Assert.Equal(WatchlistCsvReader.ReadEmbeddedDefault().Count + 2, watchlist.Count);
        Assert.True(watchlist.TryMatch("0x00000000000000000000000000000000000000B2", out _));
    }

    [Fact]
    public void AddDetection_MissingRulesFile_FailsStartupValidationWithTheMessage()
    {
        var path = _files.PathOf("absent.json");
        using var provider = Build(new() { ["Detection:RulesFile"] = path });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal([$"Detection: Detection__RulesFile '{path}' does not exist."], error.Failures);
    }

    public void Dispose() => _files.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddDetection(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
