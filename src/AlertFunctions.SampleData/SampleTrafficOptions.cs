namespace AlertFunctions.SampleData;

/// <summary>What to generate. The same options always produce the same events, byte for byte.</summary>
public sealed record SampleTrafficOptions
{
    /// <summary>The fewest <see cref="Days"/> the generator accepts: the incidents happen on the last day.</summary>
    public const int MinDays = 1;

    /// <summary>The fewest <see cref="EventsPerDay"/> the generator accepts; public so a caller can check before it throws.</summary>
    public const int MinEventsPerDay = 100;

    /// <summary>Start of the first day (UTC midnight). Incidents and look-alikes happen on the last day.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public int Days { get; init; } = 2;

    /// <summary>Ordinary customer withdrawals per day across all platforms (incidents and refills come on top).</summary>
    public int EventsPerDay { get; init; } = 3_000;

    public int Seed { get; init; } = 20261125;

    public bool IncludeIncidents { get; init; } = true;

    public bool IncludeLookAlikes { get; init; } = true;
}
