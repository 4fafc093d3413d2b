using AlertFunctions.Detection.Engine;
using Spectre.Console;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Renders an empty replay report, on a thread of its own, to a console that discards it, while the replay loads its rules
/// on the other core. A process's first report costs about 50 ms however short the replay (Spectre's tables and styles
/// are prepared once per process; the second costs about 1 ms), and would otherwise run alone on one core after the
/// replay. Wait for it before rendering the real report (<see cref="Wait"/>), so the two never run at once.
/// </summary>
internal sealed class ReplayReportWarmUp
{
    private readonly Task _rendering;

    private ReplayReportWarmUp(IAnsiConsole like)
    {
        var discarding = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = like.Profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = (ColorSystemSupport)like.Profile.Capabilities.ColorSystem,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Null),
        });
        discarding.Profile.Width = like.Profile.Width;
        var empty = new ReplayResult(0, 0, 0, new Dictionary<string, long>(), new EngineCounters(), [], 0, TimeSpan.Zero, 0);
        _rendering = Task.Factory.StartNew(
            () => ReplayConsoleReport.Render(discarding, empty, "warm-up"),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public static ReplayReportWarmUp Start(IAnsiConsole like) => new(like);

    public void Wait() => _rendering.GetAwaiter().GetResult();
}
