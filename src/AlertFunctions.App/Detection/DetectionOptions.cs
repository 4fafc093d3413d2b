namespace AlertFunctions.App.Detection;

/// <summary>
/// Which rules and watchlists the engine runs with (configuration section <c>Detection</c>). Both are optional: without a rules
/// file the built-in defaults apply, and the curated watchlist embedded in the engine is always loaded, before any file listed here.
/// </summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Detection";

    /// <summary>Path of a rules file (JSON, see the rules file reference); app setting <c>Detection__RulesFile</c>.</summary>
    public string? RulesFile { get; set; }

    /// <summary>Extra watchlist CSV files, loaded in order; app settings <c>Detection__WatchlistFiles__0</c>, <c>__1</c>, ...</summary>
    public string[] WatchlistFiles { get; set; } = [];
}
