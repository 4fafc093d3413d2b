using AlertFunctions.Storage.Volume;

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// A batch's withdrawals per UTC day of the event and platform, each with its sequence number and enqueued time, as the daily
/// volume table adds them (it counts each once, however a redelivery cuts the batches).
/// </summary>
internal sealed class DailyVolumeTally
{
    private readonly Dictionary<(DateOnly Day, string Platform), List<SequencedWithdrawal>> _withdrawals = [];

    public IEnumerable<(DateOnly Day, string Platform, IReadOnlyList<SequencedWithdrawal> Withdrawals)> Totals =>
        _withdrawals.OrderBy(t => t.Key.Day).ThenBy(t => t.Key.Platform, StringComparer.Ordinal)
            .Select(t => (t.Key.Day, t.Key.Platform, (IReadOnlyList<SequencedWithdrawal>)t.Value));

    public void Add(DateTimeOffset timestamp, string platform, long sequenceNumber, DateTimeOffset? enqueuedTime, decimal usd, bool valued)
    {
        var key = (DateOnly.FromDateTime(timestamp.UtcDateTime), platform);
        if (!_withdrawals.TryGetValue(key, out var list))
        {
            _withdrawals[key] = list = [];
        }

        list.Add(new SequencedWithdrawal(sequenceNumber, usd, valued, enqueuedTime));
    }
}
