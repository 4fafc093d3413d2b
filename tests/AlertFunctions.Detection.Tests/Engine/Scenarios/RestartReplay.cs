using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using AlertFunctions.Detection.Rules;
using AlertFunctions.Detection.Watchlists;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine.Scenarios;

/// <summary>
/// Replays events twice, uninterrupted and restarted at a cut (exported, then imported into a fresh engine), and asserts
/// that the restart changes nothing: every saved state reads back to the same bytes, the alert changes after the cut are
/// the same, and so are the final snapshots (but the platform's, whose episodes hold alerts whose decimals may differ in
/// scale only; see <see cref="AlertChangeDescriptions"/>).
/// </summary>
internal static class RestartReplay
{
    /// <summary>The events in time order; with <paramref name="jitter"/>, neighbours less than a minute apart swapped one time in four (accepted late events).</summary>
    public static List<WithdrawalEvent> InTimeOrder(IEnumerable<WithdrawalEvent> events, Random random, bool jitter)
    {
        var ordered = events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
        if (jitter)
        {
            for (var i = 1; i < ordered.Count; i++)
            {
                if (random.Next(4) == 0 && ordered[i].Timestamp - ordered[i - 1].Timestamp < TimeSpan.FromMinutes(1))
                {
                    (ordered[i], ordered[i - 1]) = (ordered[i - 1], ordered[i]);
                }
            }
        }

        return ordered;
    }

    /// <returns>The engine as it was at the cut, and the alert changes after it.</returns>
    public static (DetectionEngine AtCut, IReadOnlyList<AlertChange> AfterCut) AssertRestartChangesNothing(IReadOnlyList<WithdrawalEvent> ordered, int cut, string label)
    {
        var whole = new DetectionEngine(DetectionRules.Default, Watchlist.Empty);
        var atCut = new DetectionEngine(DetectionRules.Default, Watchlist.Empty);
        for (var i = 0; i < cut; i++)
        {
            whole.Process(ordered[i], new AlertChangeRecorder());
            atCut.Process(ordered[i], new AlertChangeRecorder());
        }

        var saved = atCut.ExportAll();
        var restored = new DetectionEngine(DetectionRules.Default, Watchlist.Empty);
        Assert.Empty(restored.Import(saved));
        var resaved = restored.ExportAll().ToDictionary(e => e.Key, e => e.Payload, StringComparer.Ordinal);
        Assert.All(saved, e => Assert.True(e.Payload.AsSpan().SequenceEqual(resaved[e.Key]), $"{e.Key} does not round-trip ({label})"));
        var afterWhole = new AlertChangeRecorder();
        var afterRestored = new AlertChangeRecorder();
        for (var i = cut; i < ordered.Count; i++)
        {
            whole.Process(ordered[i], afterWhole);
            restored.Process(ordered[i], afterRestored);
        }

        Assert.Equal(AlertChangeDescriptions.Of(afterWhole.Changes), AlertChangeDescriptions.Of(afterRestored.Changes));
        var a = whole.ExportAll().OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var b = restored.ExportAll().OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(a.Select(e => e.Key), b.Select(e => e.Key));
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Payload[1] != 'p')
            {
                Assert.True(a[i].Payload.AsSpan().SequenceEqual(b[i].Payload), $"snapshot of {a[i].Key} differs ({label})");
            }
        }

        return (atCut, afterWhole.Changes);
    }
}
