using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;
using Spectre.Console;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Writes a made-up replay's output, on a thread of its own and to nowhere, while the replay loads its rules on the other
/// core: an empty report to a console that discards it and, when alerts are written to a file, one alert line. A process's
/// first report costs about 50 ms however short the replay (Spectre's tables and styles are prepared once per process;
/// the second costs about 1 ms), its first alert line about 40 ms (the serializer's metadata), and both would otherwise run
/// alone on one core after the replay. Wait for it before writing the real output (<see cref="Wait"/>), so the two never
/// run at once.
/// </summary>
internal sealed class ReplayOutputWarmUp
{
    private static readonly DateTimeOffset Made = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Task _writing;

    private ReplayOutputWarmUp(IAnsiConsole like, bool alertLines)
    {
        var discarding = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = like.Profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = (ColorSystemSupport)like.Profile.Capabilities.ColorSystem,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Null),
        });
        discarding.Profile.Width = like.Profile.Width;
        _writing = Task.Factory.StartNew(
            () =>
            {
                ReplayConsoleReport.Render(discarding, EmptyResult(), "warm-up");
                if (alertLines)
                {
                    AlertLinesWriter.Write(Stream.Null, [MadeUpAlert()]);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <param name="like">The console the real report goes to, whose settings the discarding one copies.</param>
    /// <param name="alertLines">Whether the replay writes its alerts to a file (<c>--alerts-out</c>).</param>
    public static ReplayOutputWarmUp Start(IAnsiConsole like, bool alertLines) => new(like, alertLines);

    public void Wait() => _writing.GetAwaiter().GetResult();

    private static ReplayResult EmptyResult() => new(0, 0, 0, new Dictionary<string, long>(), new EngineCounters(), [], 0, TimeSpan.Zero, 0);

    private static Alert MadeUpAlert() => new()
    {
        AlertId = "warm-up",
        Rule = "warm-up",
        Severity = Severity.Low,
        Platform = "warm-up",
        Chain = "warm-up",
        Asset = "warm-up",
        Subject = "warm-up",
        SubjectType = SubjectType.SourceWallet,
        WindowStart = Made,
        WindowEnd = Made,
        EventCount = 1,
        AmountUsd = 1m,
        AmountAsset = 1m,
        TriggerEventId = "warm-up",
        EventIds = ["warm-up"],
        Destinations = ["warm-up"],
        TxHashes = ["warm-up"],
        Summary = "warm-up",
        Details = new AlertDetails("warm-up", 1m, 1m, 1m, 1m),
        Revision = 1,
    };
}
