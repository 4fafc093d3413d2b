namespace AlertFunctions.App.Ingestion;

/// <summary>A batch's withdrawals and USD volume per UTC day of the event and platform, as the daily volume table adds them.</summary>
internal sealed class DailyVolumeTally
{
    private readonly Dictionary<(DateOnly Day, string Platform), (long Count, decimal VolumeUsd)> _totals = [];

    public IEnumerable<(DateOnly Day, string Platform, long Count, decimal VolumeUsd)> Totals =>
        _totals.OrderBy(t => t.Key.Day).ThenBy(t => t.Key.Platform, StringComparer.Ordinal)
            .Select(t => (t.Key.Day, t.Key.Platform, t.Value.Count, t.Value.VolumeUsd));

    public void Add(DateTimeOffset timestamp, string platform, decimal usd)
    {
        var key = (DateOnly.FromDateTime(timestamp.UtcDateTime), platform);
        var (count, volume) = _totals.GetValueOrDefault(key);
        _totals[key] = (count + 1, volume + usd);
    }
}
