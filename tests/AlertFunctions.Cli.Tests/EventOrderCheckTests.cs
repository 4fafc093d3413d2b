using System.Text;
using AlertFunctions.Cli.Replay;

namespace AlertFunctions.Cli.Tests;

/// <summary>
/// The first pass's order check: a file needs sorting exactly when an event lies more than the allowed lateness behind its
/// own platform's newest earlier event, with times read as the parser reads them.
/// </summary>
public sealed class EventOrderCheckTests
{
    private static readonly TimeSpan Lateness = TimeSpan.FromMinutes(5);

    [Fact]
    public void Read_InOrderAndReorderedWithinTheLateness_NeedsNoSorting()
    {
        var order = Check(At("a", "10:00:00"), At("b", "10:01:00"), At("c", "10:00:30"), At("d", "10:06:00"), At("e", "10:01:00"));

        Assert.True(order.Checked);
        Assert.Equal(0, order.OutOfOrder);
        Assert.False(order.NeedsSorting);
    }

    [Fact]
    public void Read_EventFurtherBehindThanTheLateness_CountsItAndNamesTheFirst()
    {
        var order = Check(At("a", "10:00:00"), At("b", "10:30:00"), At("c", "10:24:59"), At("d", "09:00:00"), At("e", "10:25:00"));

        Assert.True(order.NeedsSorting);
        Assert.Equal(2, order.OutOfOrder);
        Assert.Equal(3, order.FirstOutOfOrderLine);
        Assert.Equal(TimeSpan.FromSeconds(301), order.FirstBehind);
    }

    [Fact]
    public void Read_AnotherPlatformHoursAhead_DoesNotMakeThisPlatformOutOfOrder()
    {
        // The replay orders each platform on its own, so only an event's own platform sets how late it is.
        var order = Check(At("a", "10:00:00"), At("b", "15:00:00", platform: "ahead"), At("c", "10:01:00"), At("d", "15:01:00", platform: "ahead"));

        Assert.Equal(0, order.OutOfOrder);
    }

    [Fact]
    public void Read_TimestampsWithOffsets_AreComparedInUtcAsTheParserReadsThem()
    {
        // 12:00+02:00 is 10:00Z: 20 minutes behind 10:20Z, not two hours ahead of it.
        var order = Check(At("a", "10:20:00"), Line("b", "northwind", "2026-11-25T12:00:00+02:00"));

        Assert.Equal(1, order.OutOfOrder);
        Assert.Equal(TimeSpan.FromMinutes(20), order.FirstBehind);
    }

    [Fact]
    public void Read_LinesWithoutAReadablePlatformOrTime_AreLeftToTheMainPass()
    {
        var order = Check(
            At("a", "10:00:00"),
            Line("b", "northwind", "yesterday"),
            """{"eventId":"c","timestamp":"2026-11-25T08:00:00Z"}""",
            "{not json",
            """{"eventId":"d","platform":"northwind","nested":{"timestamp":"2026-11-25T08:00:00Z"}}""");

        Assert.Equal(0, order.OutOfOrder);
    }

    [Fact]
    public void Read_ATimeTheParserRefuses_DoesNotMakeLaterEventsOutOfOrder()
    {
        // A producer with a broken clock: its line dated 2099 is refused, and must not become the platform's newest.
        var accepted = new AcceptedTimes(new DateTimeOffset(2009, 1, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var order = Check(accepted, Line("future", "northwind", "2099-01-01T00:00:00Z"), At("a", "10:00:00"), At("b", "10:01:00"), Line("old", "northwind", "2001-01-01T00:00:00Z"));

        Assert.Equal(0, order.OutOfOrder);
    }

    [Fact]
    public void Read_BlankLines_AreSkippedWithoutAJsonReaderException()
    {
        var thrown = 0;
        var thread = Environment.CurrentManagedThreadId;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread && e.Exception is System.Text.Json.JsonException)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            Check(At("a", "10:00:00"), "", "   ", "\r", "", At("b", "09:00:00"), "");
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);
    }

    private static string At(string id, string time, string platform = "northwind") => Line(id, platform, $"2026-11-25T{time}Z");

    private static string Line(string id, string platform, string timestamp) =>
        $$"""{"eventId":"{{id}}","platform":"{{platform}}","sourceWallet":"hot","timestamp":"{{timestamp}}"}""";

    private static InputOrder Check(params string[] lines) => Check(AcceptedTimes.Any, lines);

    private static InputOrder Check(AcceptedTimes accepted, params string[] lines)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return InputSurvey.Read(input, Lateness, accepted).Order;
    }
}
