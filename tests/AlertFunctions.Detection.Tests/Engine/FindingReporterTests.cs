using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Contract;
using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

/// <summary>
/// How an open alert grows and when responders hear of it again: when a finding is more severe, when the alert has
/// doubled what they were last told, or when a burst of growth after an hour without any has added half of it (a second
/// incident absorbed by an open alert must not go unannounced).
/// </summary>
public sealed class FindingReporterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OpenAlert_GrowingToTwiceWhatWasAnnounced_IsEscalatedOneLevelAndMeasuredAfreshFromThere()
    {
        AlertEpisode? episode = null;
        var sink = new AlertChangeRecorder();

        Report(ref episode, Severity.Medium, windowUsd: 1_000_000m, eventUsd: 100_000m, sink, "raise");
        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 999_999m, sink, "grow-1"); // $1,999,999: short of twice
        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 1m, sink, "grow-2"); // $2,000,000: twice what was raised
        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 1_999_999m, sink, "grow-3"); // $3,999,999: short of twice $2M
        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 1m, sink, "grow-4"); // $4,000,000
        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 8_000_000m, sink, "grow-5"); // critical is the top

        Assert.Equal(
            [
                (AlertChangeKind.Raised, Severity.Medium), (AlertChangeKind.Updated, Severity.Medium), (AlertChangeKind.Escalated, Severity.High),
                (AlertChangeKind.Updated, Severity.High), (AlertChangeKind.Escalated, Severity.Critical), (AlertChangeKind.Updated, Severity.Critical),
            ],
            sink.Changes.Select(c => (c.Kind, c.Alert.Severity)));
        Assert.Equal(4_000_000m, episode!.AnnouncedUsd);
    }

    [Fact]
    public void OpenAlert_EscalatedByAMoreSevereFinding_IsMeasuredFromWhatThatEscalationAnnounced()
    {
        AlertEpisode? episode = null;
        var sink = new AlertChangeRecorder();

        Report(ref episode, Severity.Medium, windowUsd: 1_000_000m, eventUsd: 100_000m, sink, "raise");
        Report(ref episode, Severity.High, windowUsd: 0m, eventUsd: 500_000m, sink, "severe"); // $1.5M, announced as high
        Report(ref episode, Severity.High, windowUsd: 0m, eventUsd: 1_000_000m, sink, "grow"); // $2.5M: twice $1M, not twice $1.5M

        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Escalated, AlertChangeKind.Updated], sink.Changes.Select(c => c.Kind));
        Assert.Equal(1_500_000m, episode!.AnnouncedUsd);
    }

    [Fact]
    public void OpenAlert_GrowingAgainAfterAnHourWithoutGrowth_IsEscalatedOnceThatBurstReachesHalfWhatWasAnnounced()
    {
        // An audit's shape: a whale's withdrawals opened the alert at $1.8M in the afternoon; a stolen key's legs came at
        // night, within its 12 hours, and would only have grown it 1.8x.
        AlertEpisode? episode = null;
        var sink = new AlertChangeRecorder();
        Report(ref episode, Severity.High, windowUsd: 1_800_000m, eventUsd: 700_000m, sink, "whale", T0, minGrowthUsd: 50_000m);
        var night = T0.AddHours(11).AddMinutes(40);

        for (var leg = 0; leg < 5; leg++)
        {
            Report(ref episode, Severity.High, windowUsd: 0m, eventUsd: 300_000m, sink, $"leg-{leg}", night.AddMinutes(2 * leg), minGrowthUsd: 50_000m);
        }

        // $900,000 of burst at the third leg: half the $1.8M announced.
        Assert.Equal(
            [AlertChangeKind.Raised, AlertChangeKind.Updated, AlertChangeKind.Updated, AlertChangeKind.Escalated, AlertChangeKind.Updated, AlertChangeKind.Updated],
            sink.Changes.Select(c => c.Kind));
        Assert.Equal(("leg-2", Severity.Critical), (sink.Changes[3].Alert.EventIds[^1], sink.Changes[3].Alert.Severity));
        Assert.Equal((2_700_000m, 0m), (episode!.AnnouncedUsd, episode.BurstBaseUsd));
    }

    [Fact]
    public void OpenAlert_GrowingWithoutAnHoursPause_StillNeedsToDoubleWhatWasAnnounced()
    {
        // The same incident going on: legs every 50 minutes add more than half of what was announced (a burst after a pause
        // would be told), but the alert has not doubled, so nobody is told again.
        AlertEpisode? episode = null;
        var sink = new AlertChangeRecorder();
        Report(ref episode, Severity.High, windowUsd: 1_800_000m, eventUsd: 700_000m, sink, "raise", T0, minGrowthUsd: 50_000m);

        for (var leg = 1; leg <= 5; leg++)
        {
            Report(ref episode, Severity.High, windowUsd: 0m, eventUsd: 300_000m, sink, $"leg-{leg}", T0.AddMinutes(50 * leg), minGrowthUsd: 50_000m);
        }

        Assert.DoesNotContain(AlertChangeKind.Escalated, sink.Changes.Select(c => c.Kind));
        Assert.Equal((3_300_000m, 0m), (episode!.Alert.AmountUsd, episode.BurstBaseUsd));
    }

    [Fact]
    public void OpenAlertWorthNothing_IsNotEscalatedByGrowth()
    {
        // An unpriced asset's alert is worth $0: twice nothing is nothing, and must not escalate on every withdrawal.
        AlertEpisode? episode = null;
        var sink = new AlertChangeRecorder();

        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 0m, sink, "raise");
        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 0m, sink, "grow");

        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Updated], sink.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void OpenAlert_FiringAgainOnWithdrawalsUnderTheGrowthMinimum_StaysOpenUnchangedAndGrowsPastItsFirstCooldown()
    {
        // Hours of customer withdrawals while the window still holds the drain: none is part of the alert, but the rule
        // still fires, so a leg after the first cooldown grows the same alert instead of raising a second one.
        AlertEpisode? episode = null;
        var sink = new AlertChangeRecorder();
        Report(ref episode, Severity.High, windowUsd: 5_000_000m, eventUsd: 1_000_000m, sink, "raise", T0, minGrowthUsd: 10_000m);

        var keptOpen = Enumerable.Range(1, 11)
            .Select(hour => FindingReporter.KeepsOpenOnly(episode, At(T0.AddHours(hour), 50m), 50m, Severity.High, minGrowthUsd: 10_000m))
            .ToList();
        Report(ref episode, Severity.High, windowUsd: 0m, eventUsd: 200_000m, sink, "leg", T0.AddHours(20), minGrowthUsd: 10_000m);

        Assert.All(keptOpen, Assert.True);
        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Updated], sink.Changes.Select(c => c.Kind));
        Assert.Equal(sink.Changes[0].Alert.AlertId, sink.Changes[1].Alert.AlertId);
    }

    [Theory]
    [InlineData(10_000, "high", false)] // a leg: the alert grows with it
    [InlineData(50, "critical", false)] // more severe: the alert escalates
    [InlineData(50, "high", true)]
    public void KeepsOpenOnly_OpenAlert_LeavesLegsAndMoreSevereFindingsToTheReport(int eventUsd, string severity, bool keptOpenOnly)
    {
        AlertEpisode? episode = null;
        Report(ref episode, Severity.High, windowUsd: 5_000_000m, eventUsd: 1_000_000m, new AlertChangeRecorder(), "raise", T0, minGrowthUsd: 10_000m);
        var later = T0.AddHours(1);

        var kept = FindingReporter.KeepsOpenOnly(episode, At(later, eventUsd), eventUsd, Enum.Parse<Severity>(severity, ignoreCase: true), minGrowthUsd: 10_000m);

        Assert.Equal((keptOpenOnly, keptOpenOnly ? later : T0), (kept, episode!.LastTrigger));
    }

    [Fact]
    public void KeepsOpenOnly_NoEpisodeOrAClosedOne_IsFalse()
    {
        AlertEpisode? episode = null;
        Report(ref episode, Severity.High, windowUsd: 5_000_000m, eventUsd: 1_000_000m, new AlertChangeRecorder(), "raise", T0, minGrowthUsd: 10_000m);
        var afterCooldown = T0.AddHours(13);

        Assert.False(FindingReporter.KeepsOpenOnly(null, At(T0, 50m), 50m, Severity.High, minGrowthUsd: 10_000m));
        Assert.False(FindingReporter.KeepsOpenOnly(episode, At(afterCooldown, 50m), 50m, Severity.High, minGrowthUsd: 10_000m));
        Assert.Equal(T0, episode!.LastTrigger);
    }

    private static WithdrawalEvent At(DateTimeOffset time, decimal usd) => EventBuilder.Withdrawal().Id($"w-{time.Ticks}").Usd(usd).At(time).Build();

    private static void Report(ref AlertEpisode? episode, Severity severity, decimal windowUsd, decimal eventUsd, AlertChangeRecorder sink, string id) =>
        Report(ref episode, severity, windowUsd, eventUsd, sink, id, T0.AddMinutes(sink.Changes.Count), minGrowthUsd: 0m);

    private static void Report(ref AlertEpisode? episode, Severity severity, decimal windowUsd, decimal eventUsd, AlertChangeRecorder sink, string id, DateTimeOffset time, decimal minGrowthUsd)
    {
        var e = EventBuilder.Withdrawal().Id(id).Usd(eventUsd).At(time).Build();
        var finding = new Finding(
            RuleIds.RapidDrain, severity, SubjectType.SourceWallet, e.SourceWallet, e.Asset, T0, 1, windowUsd, null,
            new AlertDetails("test", windowUsd, 1m, null, null), $"finding at {id}", TimeSpan.FromHours(12));
        FindingReporter.Report(ref episode, finding, e, eventUsd, sink, minGrowthUsd);
    }
}
