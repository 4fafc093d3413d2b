using System.CommandLine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;

namespace AlertFunctions.Cli.Commands;

/// <summary>The <c>--rules</c> and <c>--watchlist</c> options shared by commands that run detection, and their loading.</summary>
internal sealed class DetectionOptions
{
    public Option<FileInfo?> Rules { get; } = new("--rules")
    {
        Description = "Rules file (JSON). Defaults are built in and work without one.",
    };

    public Option<FileInfo[]> Watchlists { get; } = new("--watchlist")
    {
        Description = "Watchlist CSV (address,chain,category,label,source); repeatable. The curated default list is always loaded.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(Watchlists);
    }

    /// <summary>Loads rules and watchlists; a problem becomes one clear message (the command exits with <see cref="ExitCodes.InputOrConfiguration"/>).</summary>
    public (DetectionRules Rules, Watchlist Watchlist) Load(ParseResult parse)
    {
        var rulesFile = parse.GetValue(Rules);
        var rules = rulesFile is null ? DetectionRules.Default : RulesFileLoader.LoadFile(rulesFile.FullName);
        var watchlist = WatchlistCsvReader.Load(parse.GetValue(Watchlists)!.Select(f => f.FullName));
        return (rules, watchlist);
    }
}
