using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Detection.Engine;

/// <summary>What a rule concluded on one event: enough to raise a new alert or to grow the open one.</summary>
/// <param name="Evidence">The withdrawals that made the finding, named in the alert before the trigger (see <see cref="FindingReporter"/>).</param>
internal readonly record struct Finding(
    string Rule,
    Severity Severity,
    SubjectType SubjectType,
    string Subject,
    string Asset,
    DateTimeOffset WindowStart,
    int EventCount,
    decimal AmountUsd,
    decimal? AmountAsset,
    AlertDetails Details,
    string Summary,
    TimeSpan Cooldown,
    IReadOnlyList<AlertEvidence>? Evidence = null);
