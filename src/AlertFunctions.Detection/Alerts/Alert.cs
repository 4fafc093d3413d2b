namespace AlertFunctions.Detection.Alerts;

/// <summary>
/// One finding, as stored and as shown to a responder. Immutable: the engine emits a new instance, with a higher
/// <see cref="Revision"/>, each time an ongoing finding grows. <see cref="AlertId"/> is deterministic from rule, subject and
/// episode start, so replaying the same events yields the same ids.
/// </summary>
public sealed record Alert
{
    public const int MaxEvidence = 20;
    public const int MaxDestinations = 10;

    public required string AlertId { get; init; }
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public required string Platform { get; init; }
    public required string Chain { get; init; }

    /// <summary>The asset, or <c>*</c> when the finding spans several.</summary>
    public required string Asset { get; init; }

    public required string Subject { get; init; }
    public required SubjectType SubjectType { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    public required int EventCount { get; init; }
    public required decimal AmountUsd { get; init; }

    /// <summary>Total in asset units; null when <see cref="Asset"/> is <c>*</c>.</summary>
    public decimal? AmountAsset { get; init; }

    public required string TriggerEventId { get; init; }

    /// <summary>Evidence, capped at <see cref="MaxEvidence"/>; <see cref="EventIdsOmitted"/> says how many more there were.</summary>
    public required IReadOnlyList<string> EventIds { get; init; }

    public int EventIdsOmitted { get; init; }
    public required IReadOnlyList<string> Destinations { get; init; }
    public int DestinationsOmitted { get; init; }
    public required IReadOnlyList<string> TxHashes { get; init; }
    public required string Summary { get; init; }
    public required AlertDetails Details { get; init; }

    /// <summary>1 when raised; +1 each time the finding grows.</summary>
    public required int Revision { get; init; }
}
