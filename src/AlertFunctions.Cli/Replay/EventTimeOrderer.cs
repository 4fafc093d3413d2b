using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Puts a stream that is only roughly in time order into event-time order, holding events until the newest timestamp seen
/// is more than <see cref="Lateness"/> past them. Ties break on event id (ordinal), so any arrangement of the same events
/// within the lateness comes out in one order: the replay is deterministic under reordering. Memory holds only the events
/// of the last <see cref="Lateness"/>. An event older than what was already released passes straight through (the engine
/// then counts it as late).
/// </summary>
internal sealed class EventTimeOrderer(TimeSpan lateness)
{
    private readonly PriorityQueue<WithdrawalEvent, OrderKey> _pending = new(OrderKeyComparer.Instance);
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    public TimeSpan Lateness { get; } = lateness;

    public int Pending => _pending.Count;

    public void Add(in WithdrawalEvent e, Action<WithdrawalEvent> release)
    {
        _pending.Enqueue(e, new OrderKey(e.Timestamp.UtcTicks, e.EventId));
        if (e.Timestamp > _newest)
        {
            _newest = e.Timestamp;
        }

        var horizon = _newest - Lateness;
        while (_pending.TryPeek(out var head, out _) && head.Timestamp < horizon)
        {
            release(_pending.Dequeue());
        }
    }

    public void Flush(Action<WithdrawalEvent> release)
    {
        while (_pending.TryDequeue(out var e, out _))
        {
            release(e);
        }
    }

    private readonly record struct OrderKey(long Ticks, string EventId);

    private sealed class OrderKeyComparer : IComparer<OrderKey>
    {
        public static OrderKeyComparer Instance { get; } = new();

        public int Compare(OrderKey x, OrderKey y)
        {
            var byTime = x.Ticks.CompareTo(y.Ticks);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.EventId, y.EventId);
        }
    }
}
