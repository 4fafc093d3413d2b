using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Microsoft.Extensions.Options;

namespace AlertFunctions.App.Detection;

/// <summary>
/// Start-up checks for <see cref="DetectionOptions"/>: every named file must exist and load, so a typo or a broken watchlist
/// stops the app instead of running detection with less than the operator asked for. Messages name the app setting to fix.
/// </summary>
public sealed class DetectionOptionsValidator : IValidateOptions<DetectionOptions>
{
    public static string RulesFileMissingMessage(string path) =>
        $"Detection: Detection__RulesFile '{path}' does not exist.";

    public static string RulesFileInvalidMessage(string problem) =>
        $"Detection: Detection__RulesFile cannot be used: {problem}";

    public static string WatchlistFileEmptyMessage(int index) =>
        $"Detection: Detection__WatchlistFiles__{index} is empty; remove it or give a path.";

    public static string WatchlistFileMissingMessage(int index, string path) =>
        $"Detection: Detection__WatchlistFiles__{index} '{path}' does not exist.";

    public static string WatchlistFileInvalidMessage(int index, string problem) =>
        $"Detection: Detection__WatchlistFiles__{index} cannot be used: {problem}";

    public ValidateOptionsResult Validate(string? name, DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.RulesFile))
        {
            ValidateRulesFile(options.RulesFile, failures);
        }

        var files = options.WatchlistFiles ?? [];
        for (var i = 0; i < files.Length; i++)
        {
            ValidateWatchlistFile(i, files[i], failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRulesFile(string path, List<string> failures)
    {
        if (!File.Exists(path))
        {
            failures.Add(RulesFileMissingMessage(path));
            return;
        }

        try
        {
            _ = RulesFileLoader.LoadFile(path);
        }
        catch (RulesFileException ex)
        {
            failures.Add(RulesFileInvalidMessage(ex.Message));
        }
    }

    private static void ValidateWatchlistFile(int index, string? path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add(WatchlistFileEmptyMessage(index));
            return;
        }

        if (!File.Exists(path))
        {
            failures.Add(WatchlistFileMissingMessage(index, path));
            return;
        }

        try
        {
            _ = WatchlistCsvReader.ReadFile(path);
        }
        catch (WatchlistFormatException ex)
        {
            failures.Add(WatchlistFileInvalidMessage(index, ex.Message));
        }
    }
}
