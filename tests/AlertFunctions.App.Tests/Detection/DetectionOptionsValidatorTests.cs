using AlertFunctions.App.Detection;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.App.Tests.Detection;

public sealed class DetectionOptionsValidatorTests : IDisposable
{
    private const string WatchlistHeader = "address,chain,category,label,source";

    private readonly TemporaryFiles _files = new();
    private readonly DetectionOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var options = new DetectionOptions();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Null(options.RulesFile);
        Assert.Empty(options.WatchlistFiles);
    }

    [Fact]
    public void Validate_ExistingValidFiles_Succeeds()
    {
        var options = new DetectionOptions
        {
            RulesFile = _files.Write("rules.json", """{ "defaults": { "rapidDrain": { "minUsd": 500000 } } }"""),
            WatchlistFiles = [_files.Write("extra.csv", $"{WatchlistHeader}\n0xabc,ethereum,sanctioned,Test,unit test\n")],
        };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_RulesFileMissing_FailsNamingTheSetting()
    {
        var path = _files.PathOf("absent.json");

        var result = _validator.Validate(null, new DetectionOptions { RulesFile = path });

        Assert.Equal([$"Detection: Detection__RulesFile '{path}' does not exist."], result.Failures);
    }

    [Fact]
    public void Validate_RulesFileInvalid_FailsWithTheLoadersMessage()
    {
        var path = _files.Write("rules.json", """{ "allowedLatenessSeconds": 99999 }""");
        var loaderMessage = Assert.Throws<RulesFileException>(() => RulesFileLoader.LoadFile(path)).Message;

        var result = _validator.Validate(null, new DetectionOptions { RulesFile = path });

        Assert.Equal([$"Detection: Detection__RulesFile cannot be used: {loaderMessage}"], result.Failures);
        Assert.Contains("allowedLatenessSeconds", loaderMessage);
    }

    [Fact]
    public void Validate_WatchlistEntryEmpty_FailsNamingItsIndex()
    {
        var result = _validator.Validate(null, new DetectionOptions { WatchlistFiles = [_files.Write("ok.csv", WatchlistHeader), " "] });

        Assert.Equal(["Detection: Detection__WatchlistFiles__1 is empty; remove it or give a path."], result.Failures);
    }

    [Fact]
    public void Validate_WatchlistFileMissing_FailsNamingItsIndexAndPath()
    {
        var path = _files.PathOf("absent.csv");

        var result = _validator.Validate(null, new DetectionOptions { WatchlistFiles = [path] });

        Assert.Equal([$"Detection: Detection__WatchlistFiles__0 '{path}' does not exist."], result.Failures);
    }

    [Fact]
    public void Validate_WatchlistFileMalformed_FailsWithTheReadersMessage()
    {
        var path = _files.Write("bad.csv", "address,chain\n0xabc,ethereum\n");

        var result = _validator.Validate(null, new DetectionOptions { WatchlistFiles = [path] });

        Assert.Equal(
            [$"Detection: Detection__WatchlistFiles__0 cannot be used: {path}:1: expected the header 'address,chain,category,label,source', found 'address,chain'"],
            result.Failures);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var result = _validator.Validate(null, new DetectionOptions { RulesFile = _files.PathOf("a.json"), WatchlistFiles = ["", _files.PathOf("b.csv")] });

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Validate_WatchlistFromTheEmbeddedList_IsNotRequired()
    {
        Assert.NotEmpty(WatchlistCsvReader.ReadEmbeddedDefault());
        Assert.True(_validator.Validate(null, new DetectionOptions()).Succeeded);
    }

    public void Dispose() => _files.Dispose();
}
