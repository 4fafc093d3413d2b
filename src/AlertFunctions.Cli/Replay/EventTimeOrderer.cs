using AlertFunctions.Detection.Contract;

namespace AlertFunctions.Cli.Replay;

/// <summary>
/// Puts a stream that is only roughly in time order into event-time order, holding events until the newest timestamp seen
/// is more than <see cref="Lateness"/> past them. Ties break on event id (ordinal), so any arrangement of the same events
/// within the lateness comes out in one order: the replay is deterministic under reordering. Memory holds only the events
/// of the last <see cref="Lateness"/>. An event older than what was already released passes straight through (the engine
/// then counts it as late).
/// Held events sit in a sorted ring: an in-order event is appended in O(1), an out-of-order one is inserted by binary
/// search (rare in real feeds), and release takes from the front — no heap sifting of large structs per event. Times are
/// compared as UTC ticks and the ring's length is a power of two, so the per-event path has no DateTimeOffset arithmetic
/// (range checks on every subtraction) and no division.
/// </summary>
internal sealed class EventTimeOrderer(TimeSpan lateness)
{
    private WithdrawalEvent[] _items = new WithdrawalEvent[1024];
    private int _head;
    private int _count;
    private long _newestTicks = long.MinValue;

    public TimeSpan Lateness { get; } = lateness;

    public int Pending => _count;

    public void Add(in WithdrawalEvent e, IEventSink release)
    {
        Insert(e);
        _newestTicks = Math.Max(_newestTicks, e.Timestamp.UtcTicks);
        var horizonTicks = _newestTicks - Lateness.Ticks;
        while (_count > 0 && At(0).Timestamp.UtcTicks < horizonTicks)
        {
            ReleaseOldest(release);
        }
    }

    public void Flush(IEventSink release)
    {
        while (_count > 0)
        {
            ReleaseOldest(release);
        }
    }

    private void ReleaseOldest(IEventSink release)
    {
        release.Process(At(0));
        At(0) = default;
        _head = (_head + 1) & (_items.Length - 1);
        _count--;
    }

    private void Insert(in WithdrawalEvent e)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        // Find the first held event that sorts after e, searching from the back (in-order input stops at once).
        var position = _count;
        if (_count > 0 && Compare(At(_count - 1), e) > 0)
        {
            int low = 0, high = _count - 1;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (Compare(At(mid), e) > 0)
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }

            position = low;
            for (var i = _count; i > position; i--)
            {
                At(i) = At(i - 1);
            }
        }

        At(position) = e;
        _count++;
    }

    private ref WithdrawalEvent At(int index) => ref _items[(_head + index) & (_items.Length - 1)];

    private void Grow()
    {
        var larger = new WithdrawalEvent[_items.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            larger[i] = At(i);
        }

        _items = larger;
        _head = 0;
    }

    private static int Compare(in WithdrawalEvent x, in WithdrawalEvent y)
    {
        var byTime = x.Timestamp.UtcTicks.CompareTo(y.Timestamp.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byId = string.CompareOrdinal(x.EventId, y.EventId);
        return byId != 0 ? byId : CompareContent(x, y);
    }

    /// <summary>
    /// Two events under one id at one time (a producer sending conflicting bodies): the engine keeps the first, so which
    /// comes first must not depend on the file's order. Compared field by field; events equal here are equal to the engine.
    /// </summary>
    private static int CompareContent(in WithdrawalEvent x, in WithdrawalEvent y)
    {
        int c;
        if ((c = string.CompareOrdinal(x.SourceWallet, y.SourceWallet)) != 0
            || (c = string.CompareOrdinal(x.DestinationAddress, y.DestinationAddress)) != 0
            || (c = string.CompareOrdinal(x.Asset, y.Asset)) != 0
            || (c = string.CompareOrdinal(x.Chain, y.Chain)) != 0
            || (c = x.Amount.CompareTo(y.Amount)) != 0
            || (c = Nullable.Compare(x.AmountUsd, y.AmountUsd)) != 0
            || (c = Nullable.Compare(x.BalanceAfter, y.BalanceAfter)) != 0
            || (c = string.CompareOrdinal(x.AccountId, y.AccountId)) != 0
            || (c = string.CompareOrdinal(x.TxHash, y.TxHash)) != 0
            || (c = x.PlatformType.CompareTo(y.PlatformType)) != 0)
        {
            return c;
        }

        return 0;
    }
}

/// <summary>Where ordered events go; an interface rather than a delegate so releasing an event allocates nothing.</summary>
internal interface IEventSink
{
    void Process(in WithdrawalEvent e);
}
