using AlertFunctions.Detection.Alerts;
using AlertFunctions.Detection.Engine;
using Xunit;

namespace AlertFunctions.Detection.Tests.Engine;

/// <summary>
/// How an open alert grows and when responders hear of it again: when a finding is more severe, or when the alert has
/// doubled what they were last told (a second incident absorbed by an open alert must not go unannounced).
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
    public void OpenAlertWorthNothing_IsNotEscalatedByGrowth()
    {
        // An unpriced asset's alert is worth $0: twice nothing is nothing, and must not escalate on every withdrawal.
        AlertEpisode? episode = null;
        var sink = new AlertChangeRecorder();

        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 0m, sink, "raise");
        Report(ref episode, Severity.Medium, windowUsd: 0m, eventUsd: 0m, sink, "grow");

        Assert.Equal([AlertChangeKind.Raised, AlertChangeKind.Updated], sink.Changes.Select(c => c.Kind));
    }

    private static void Report(ref AlertEpisode? episode, Severity severity, decimal windowUsd, decimal eventUsd, AlertChangeRecorder sink, string id)
    {
        var e = EventBuilder.Withdrawal().Id(id).Usd(eventUsd).At(T0.AddMinutes(sink.Changes.Count)).Build();
        var finding = new Finding(
            RuleIds.RapidDrain, severity, SubjectType.SourceWallet, e.SourceWallet, e.Asset, T0, 1, windowUsd, null,
            new AlertDetails("test", windowUsd, 1m, null, null), $"finding at {id}", TimeSpan.FromHours(12));
        FindingReporter.Report(ref episode, finding, e, eventUsd, sink);
    }
}
