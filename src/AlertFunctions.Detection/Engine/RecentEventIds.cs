using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// Remembers one platform's recent event ids so a redelivered or duplicated event is processed once: always the last
/// <see cref="Capacity"/> ids, and up to twice that many. Bounded on purpose: an older duplicate is not recognised here
/// (the Functions app also skips whole redelivered batches by sequence number, and alert ids are deterministic, so it
/// cannot create a second alert).
/// </summary>
/// <remarks>
/// Ids are kept as 128-bit fingerprints (XxHash128 of the id's UTF-16 code units) in two flat open-addressing tables, the
/// current and the previous generation; when the current one has taken <see cref="Capacity"/> ids it becomes the previous
/// one and the oldest is cleared in one sweep. Why: holding the id strings kept every one of them alive through several
/// garbage collections and cost three or four cache misses per event (set buckets, entries, the evicted string), most of
/// this type's time. The tables hold no references, so the collector never scans them. Two different ids share a
/// fingerprint with probability about 2^-128 per pair: with 131,072 ids remembered, a new id is mistaken for a duplicate
/// about once in 10^33 events.
/// </remarks>
internal sealed class RecentEventIds
{
    /// <summary>How many of the latest fingerprints a snapshot keeps (64 KiB): a producer's retry comes within seconds.</summary>
    public const int MaxSaved = 4_096;

    private readonly int _maxLatest;
    private UInt128[] _latest;
    private Generation _current;
    private Generation _previous;
    private int _latestNext;
    private int _latestCount;

    /// <param name="capacity">How many of the latest ids are always remembered.</param>
    /// <param name="expectedIds">
    /// How many ids are expected, if known (a replay's first pass counts them): the tables are made large enough for them
    /// at once instead of doubling as ids come, which would make and discard tables of up to a megabyte each. Only the
    /// tables' sizes depend on it, never which ids are remembered.
    /// </param>
    public RecentEventIds(int capacity, long expectedIds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedIds);
        Capacity = capacity;
        // The first generation takes the first `capacity` ids, the second the next `capacity`; then they take turns.
        _current = new Generation(capacity, (int)Math.Min(expectedIds, capacity));
        _previous = new Generation(capacity, (int)Math.Clamp(expectedIds - capacity, 0, capacity));
        _maxLatest = Math.Min(capacity, MaxSaved);
        _latest = new UInt128[Math.Min(16, _maxLatest)];
    }

    /// <summary>How many of the latest ids are always remembered.</summary>
    public int Capacity { get; }

    /// <summary>The slots of both generations' tables: what the memory holds now, whatever it remembers.</summary>
    internal int Slots => _current.Slots + _previous.Slots;

    /// <summary>Returns false when the id was seen recently.</summary>
    public bool TryAdd(string eventId) => TryAdd(Fingerprint(eventId));

    /// <summary>The latest fingerprints, oldest first, at most <see cref="MaxSaved"/>: what a snapshot keeps.</summary>
    public IEnumerable<UInt128> Latest()
    {
        var start = _latestNext - _latestCount;
        for (var i = 0; i < _latestCount; i++)
        {
            yield return _latest[(start + i + _latest.Length) % _latest.Length];
        }
    }

    /// <summary>Remembers fingerprints a snapshot kept (oldest first), so an event redelivered after a restart is still a duplicate.</summary>
    public void Restore(IEnumerable<UInt128> fingerprints)
    {
        foreach (var fingerprint in fingerprints)
        {
            TryAdd(fingerprint);
        }
    }

    /// <summary>Returns false when the id whose <see cref="Fingerprint"/> this is was seen recently.</summary>
    public bool TryAdd(UInt128 fingerprint)
    {
        if (_previous.Contains(fingerprint) || !_current.TryAdd(fingerprint))
        {
            return false;
        }

        if (_current.Count == Capacity)
        {
            (_previous, _current) = (_current, _previous);
            _current.Clear();
        }

        Remember(fingerprint);
        return true;
    }

    /// <summary>
    /// Appends to the ring of latest fingerprints, which starts small and doubles up to its maximum (a quiet platform does not
    /// hold 64 KiB it never fills), then overwrites the oldest.
    /// </summary>
    private void Remember(UInt128 fingerprint)
    {
        if (_latestCount == _latest.Length && _latest.Length < _maxLatest)
        {
            var larger = new UInt128[Math.Min(_latest.Length * 2, _maxLatest)];
            var i = 0;
            foreach (var kept in Latest())
            {
                larger[i++] = kept;
            }

            _latest = larger;
            _latestNext = i;
        }

        _latest[_latestNext] = fingerprint;
        _latestNext = _latestNext + 1 == _latest.Length ? 0 : _latestNext + 1;
        _latestCount = Math.Min(_latestCount + 1, _latest.Length);
    }

    /// <summary>The fingerprint this memory keeps of an event id; the same in every process, so snapshots can hold it.</summary>
    public static UInt128 Fingerprint(string eventId)
    {
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(eventId.AsSpan()));
        // Zero marks an empty slot; mapping it to one merges two fingerprints of 2^128, which changes nothing above.
        return hash == UInt128.Zero ? UInt128.One : hash;
    }

    /// <summary>
    /// A linear-probing set of fingerprints, at most half full, emptied in one sweep. It starts small (or, given the ids
    /// expected, at their size) and doubles up to twice the capacity, so a quiet platform (or a partition's fresh engine)
    /// does not hold megabytes it never fills.
    /// </summary>
    private sealed class Generation(int capacity, int expectedIds)
    {
        private const int InitialSlots = 64;
        private readonly int _maxSlots = SlotsFor(capacity);
        private UInt128[] _slots = new UInt128[SlotsFor(expectedIds)];

        public int Count { get; private set; }

        public int Slots => _slots.Length;

        /// <summary>Enough slots for that many fingerprints with the table at most half full.</summary>
        private static int SlotsFor(int fingerprints) => Math.Max(InitialSlots, (int)BitOperations.RoundUpToPowerOf2((uint)fingerprints * 2));

        public bool Contains(UInt128 fingerprint) => _slots[Find(_slots, fingerprint)] == fingerprint;

        public bool TryAdd(UInt128 fingerprint)
        {
            var slot = Find(_slots, fingerprint);
            if (_slots[slot] == fingerprint)
            {
                return false;
            }

            if ((Count + 1) * 2 > _slots.Length && _slots.Length < _maxSlots)
            {
                Grow();
                slot = Find(_slots, fingerprint);
            }

            _slots[slot] = fingerprint;
            Count++;
            return true;
        }

        public void Clear()
        {
            Array.Clear(_slots);
            Count = 0;
        }

        private void Grow()
        {
            var larger = new UInt128[_slots.Length * 2];
            // Written through before the probes below read it. A large array comes in fresh pages from the system; a fresh
            // page read first is mapped to the shared zero page, and the write that follows costs a second fault and a TLB
            // flush on every core running the process. Measured: 4% of a replay's detection time went to those faults.
            larger.AsSpan().Clear();
            foreach (var fingerprint in _slots)
            {
                if (fingerprint != UInt128.Zero)
                {
                    larger[Find(larger, fingerprint)] = fingerprint;
                }
            }

            _slots = larger;
        }

        /// <summary>The fingerprint's slot, or the empty slot where it would go.</summary>
        private static int Find(UInt128[] slots, UInt128 fingerprint)
        {
            var mask = slots.Length - 1;
            var slot = unchecked((int)(ulong)fingerprint) & mask;
            while (slots[slot] != UInt128.Zero && slots[slot] != fingerprint)
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }
    }
}
