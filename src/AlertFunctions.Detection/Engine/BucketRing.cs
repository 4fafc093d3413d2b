namespace AlertFunctions.Detection.Engine;

/// <summary>
/// A sliding event-time window of <see cref="BucketCount"/> fixed-width buckets over one wallet/asset's withdrawals.
/// Bucket <c>i</c> holds events with <c>i × width ≤ t &lt; (i+1) × width</c> (ticks since 0001-01-01 UTC). With the newest
/// bucket <c>h</c>, the window holds buckets <c>h − N + 1 … h</c>: it always includes its newest event, and reaches back
/// between <c>(N − 1) × width</c> and <c>N × width</c>; that quantization is the only approximation. Sums are kept
/// incrementally, so adding an event is O(1); buckets leaving the window are handed, oldest first, to an optional
/// <see cref="Baseline"/> (empty ones in closed form), so advancing is amortized O(1) too.
/// An event in a bucket older than the window is refused (<see cref="TryAdd"/> returns false): it is late.
/// </summary>
internal sealed partial class BucketRing
{
    private const long Empty = long.MinValue;
    private readonly long[] _index;
    private readonly decimal[] _usd;
    private readonly decimal[] _asset;
    private readonly decimal[] _maxUsd;
    private readonly int[] _count;
    private readonly decimal[] _firstBalanceBefore;
    private readonly long[] _firstBalanceTicks;
    private readonly decimal[] _largeLegUsd;
    private readonly decimal[] _largestLegUsd;
    private readonly int[] _largeLegCount;
    private readonly decimal[] _outsizedUsd;
    private readonly int[] _outsizedCount;
    /// <summary>Allocated on the first judged withdrawal: only the long window is judged, so the short one never holds them.</summary>
    private JudgedBuckets? _judged;
    /// <summary>Allocated on the first withdrawal that could be a cold-start leg: only the short window counts them.</summary>
    private ColdStartLegBuckets? _coldStartLegs;
    private long _head = Empty;
    private long _origin = Empty;
    private long _balanceStart = Empty;

    public BucketRing(int bucketCount, TimeSpan bucketWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 2);
        BucketCount = bucketCount;
        WidthTicks = bucketWidth.Ticks;
        _index = new long[bucketCount];
        Array.Fill(_index, Empty);
        _usd = new decimal[bucketCount];
        _asset = new decimal[bucketCount];
        _maxUsd = new decimal[bucketCount];
        _count = new int[bucketCount];
        _firstBalanceBefore = new decimal[bucketCount];
        _firstBalanceTicks = new long[bucketCount];
        _largeLegUsd = new decimal[bucketCount];
        _largestLegUsd = new decimal[bucketCount];
        _largeLegCount = new int[bucketCount];
        _outsizedUsd = new decimal[bucketCount];
        _outsizedCount = new int[bucketCount];
    }

    public int BucketCount { get; }

    public long WidthTicks { get; }

    public TimeSpan Length => TimeSpan.FromTicks(WidthTicks * BucketCount);

    public decimal SumUsd { get; private set; }

    public decimal SumAsset { get; private set; }

    /// <summary>USD and count of the window's "large legs": withdrawals the engine marked as far above the usual size, to new addresses.</summary>
    public decimal LargeLegUsd { get; private set; }

    public int LargeLegCount { get; private set; }

    /// <summary>USD and count of the window's withdrawals the engine marked as far above the usual size, whatever their destination.</summary>
    public decimal OutsizedUsd { get; private set; }

    public int OutsizedCount { get; private set; }

    public int SumCount { get; private set; }

    /// <summary>Count and USD of the window's "rare legs": withdrawals the engine judged rare in size (see <see cref="MarkJudged"/>), to new addresses.</summary>
    public int RareLegCount { get; private set; }

    public decimal RareLegUsd { get; private set; }

    /// <summary>How many of the window's withdrawals could have been cold-start legs, by who sent them (see <see cref="MarkColdStartCandidate"/>).</summary>
    public int ColdStartCandidateCount { get; private set; }

    /// <summary>Count and USD of the window's cold-start legs (see <see cref="MarkColdStartCandidate"/>).</summary>
    public int ColdStartLegCount { get; private set; }

    public decimal ColdStartLegUsd { get; private set; }

    /// <summary>The newest bucket's index, or <see cref="long.MinValue"/> before the first event.</summary>
    public long Head => _head;

    /// <summary>Start of the oldest bucket still in the window.</summary>
    public DateTimeOffset WindowStart => _head == Empty ? DateTimeOffset.MinValue : new(Math.Max(0, (_head - BucketCount + 1) * WidthTicks), TimeSpan.Zero);

    /// <summary>The balance before the earliest in-window withdrawal that reported one; null when none did.</summary>
    public decimal? BalanceAtWindowStart
    {
        get
        {
            if (_balanceStart == Empty)
            {
                return null;
            }

            return _firstBalanceBefore[Slot(_balanceStart)];
        }
    }

    /// <summary>The largest single withdrawal in the window. O(bucket count): call it only on the rare path that needs it.</summary>
    public decimal LargestUsd() => LargestIn(_maxUsd);

    /// <summary>
    /// Marks a withdrawal already added with <see cref="TryAdd"/> as a large leg. Returns false when its bucket has left
    /// the window (or was never added).
    /// </summary>
    public bool MarkLargeLeg(DateTimeOffset time, decimal usd)
    {
        if (!TryLiveSlot(time, out var slot))
        {
            return false;
        }

        _largeLegUsd[slot] += usd;
        _largeLegCount[slot]++;
        if (usd > _largestLegUsd[slot])
        {
            _largestLegUsd[slot] = usd;
        }

        LargeLegUsd += usd;
        LargeLegCount++;
        return true;
    }

    /// <summary>
    /// Marks a withdrawal already added with <see cref="TryAdd"/> as outsized: left out of the window's ordinary withdrawals.
    /// Returns false when its bucket has left the window (or was never added).
    /// </summary>
    public bool MarkOutsized(DateTimeOffset time, decimal usd)
    {
        if (!TryLiveSlot(time, out var slot))
        {
            return false;
        }

        _outsizedUsd[slot] += usd;
        _outsizedCount[slot]++;
        OutsizedUsd += usd;
        OutsizedCount++;
        return true;
    }

    /// <summary>
    /// Records that a withdrawal already added with <see cref="TryAdd"/> was judged for its size: whether it was rare (far
    /// above the usual size, though not necessarily a large leg) and, if so, whether it is a leg (to a new address). The
    /// judged and rare counts of each bucket are handed to the <see cref="Baseline"/> when it leaves the window, so the
    /// share of rare withdrawals is learned from the same judgement that counts them here. Returns false when its bucket
    /// has left the window (or was never added).
    /// </summary>
    public bool MarkJudged(DateTimeOffset time, decimal usd, bool rare, bool leg)
    {
        if (!TryLiveSlot(time, out var slot))
        {
            return false;
        }

        var judged = _judged ??= new JudgedBuckets(BucketCount);
        judged.Judged[slot]++;
        if (!rare)
        {
            return true;
        }

        judged.Rare[slot]++;
        if (leg)
        {
            judged.RareLegs[slot]++;
            judged.RareLegUsd[slot] += usd;
            if (usd > judged.LargestRareLegUsd[slot])
            {
                judged.LargestRareLegUsd[slot] = usd;
            }

            RareLegCount++;
            RareLegUsd += usd;
        }

        return true;
    }

    /// <summary>
    /// Counts a withdrawal already added with <see cref="TryAdd"/> as one that could have been a cold-start leg, and as a
    /// leg when it is one: judged by who sent it and its size, whatever the baseline, so the counts do not depend on when
    /// the wallet's baseline came or lapsed. Returns false when its bucket has left the window (or was never added).
    /// </summary>
    public bool MarkColdStartCandidate(DateTimeOffset time, decimal usd, bool leg)
    {
        if (!TryLiveSlot(time, out var slot))
        {
            return false;
        }

        var buckets = _coldStartLegs ??= new ColdStartLegBuckets(BucketCount);
        buckets.Candidates[slot]++;
        ColdStartCandidateCount++;
        if (leg)
        {
            buckets.Legs[slot]++;
            buckets.Usd[slot] += usd;
            buckets.Largest[slot] = Math.Max(buckets.Largest[slot], usd);
            ColdStartLegCount++;
            ColdStartLegUsd += usd;
        }

        return true;
    }

    /// <summary>The largest cold-start leg in the window. O(bucket count): only on the rare path that needs it.</summary>
    public decimal LargestColdStartLegUsd() => _coldStartLegs is null ? 0m : LargestIn(_coldStartLegs.Largest);

    /// <summary>The largest large leg in the window. O(bucket count): only on the rare path that needs it.</summary>
    public decimal LargestLargeLegUsd() => LargestIn(_largestLegUsd);

    /// <summary>The largest rare leg in the window. O(bucket count): only on the rare path that needs it.</summary>
    public decimal LargestRareLegUsd() => _judged is null ? 0m : LargestIn(_judged.LargestRareLegUsd);

    /// <summary>The largest of a per-bucket maximum over the buckets still in the window.</summary>
    private decimal LargestIn(decimal[] perBucket)
    {
        var largest = 0m;
        if (_head == Empty)
        {
            return largest;
        }

        var oldest = _head - BucketCount + 1;
        for (var i = 0; i < BucketCount; i++)
        {
            if (_index[i] != Empty && _index[i] >= oldest && perBucket[i] > largest)
            {
                largest = perBucket[i];
            }
        }

        return largest;
    }

    public long BucketOf(DateTimeOffset time) => time.UtcTicks / WidthTicks;

    /// <summary>Moves the window so that <paramref name="bucket"/> is the newest; a bucket at or behind the head is a no-op.</summary>
    public void AdvanceTo(long bucket, Baseline? learner)
    {
        if (_head == Empty)
        {
            _head = bucket;
            _origin = bucket;
            return;
        }

        if (bucket <= _head)
        {
            return;
        }

        // Buckets (_head - N, bucket - N] leave the window, oldest first.
        // Buckets before the first event are not history: they are never learned as empty.
        var firstLeaving = Math.Max(_head - BucketCount + 1, _origin);
        var lastLeaving = bucket - BucketCount;
        var lastHeld = Math.Min(lastLeaving, _head);
        for (var b = firstLeaving; b <= lastHeld; b++)
        {
            Expire(b, learner);
        }

        learner?.LearnEmpty(lastLeaving - Math.Max(lastHeld, firstLeaving - 1));
        _head = bucket;
        if (_balanceStart != Empty && _balanceStart <= lastLeaving)
        {
            _balanceStart = FindBalanceStart(lastLeaving + 1);
        }
    }

    /// <summary>Adds one withdrawal. Returns false, changing nothing, when its bucket has already left the window.</summary>
    public bool TryAdd(DateTimeOffset time, decimal usd, decimal assetAmount, decimal? balanceBefore, Baseline? learner)
    {
        var bucket = BucketOf(time);
        AdvanceTo(bucket, learner);
        if (bucket <= _head - BucketCount)
        {
            return false;
        }

        // An accepted late event may sit before the first event's bucket; it must leave the window like any other.
        if (bucket < _origin)
        {
            _origin = bucket;
        }

        var slot = Slot(bucket);
        if (_index[slot] != bucket)
        {
            _index[slot] = bucket;
            _usd[slot] = 0;
            _asset[slot] = 0;
            _maxUsd[slot] = 0;
            _count[slot] = 0;
            _firstBalanceTicks[slot] = long.MaxValue;
            _largeLegUsd[slot] = 0;
            _largestLegUsd[slot] = 0;
            _largeLegCount[slot] = 0;
            _outsizedUsd[slot] = 0;
            _outsizedCount[slot] = 0;
            _judged?.Clear(slot);
            _coldStartLegs?.Clear(slot);
            _routine?.Clear(slot);
        }

        _usd[slot] += usd;
        _asset[slot] += assetAmount;
        _count[slot]++;
        if (usd > _maxUsd[slot])
        {
            _maxUsd[slot] = usd;
        }

        SumUsd += usd;
        SumAsset += assetAmount;
        SumCount++;
        if (balanceBefore is { } before && time.UtcTicks < _firstBalanceTicks[slot])
        {
            _firstBalanceTicks[slot] = time.UtcTicks;
            _firstBalanceBefore[slot] = before;
            if (_balanceStart == Empty || bucket <= _balanceStart)
            {
                _balanceStart = bucket;
            }
        }

        return true;
    }

    private void Expire(long bucket, Baseline? learner)
    {
        var slot = Slot(bucket);
        if (_index[slot] != bucket)
        {
            learner?.LearnEmpty(1);
            return;
        }

        learner?.Learn(_usd[slot], _count[slot], _maxUsd[slot]);
        // Every held bucket ages the learned share, judged or not (a restored share may precede the first judged withdrawal).
        learner?.LearnSizes(_judged?.Judged[slot] ?? 0, _judged?.Rare[slot] ?? 0);
        learner?.LearnUnits(_asset[slot], _count[slot]);
        if (_judged is { } judged)
        {
            RareLegCount -= judged.RareLegs[slot];
            RareLegUsd -= judged.RareLegUsd[slot];
        }

        if (_routine is { } routine)
        {
            RoutineUsd -= routine.Usd[slot];
            RoutineCount -= routine.Count[slot];
        }

        if (_coldStartLegs is { } legs)
        {
            ColdStartCandidateCount -= legs.Candidates[slot];
            ColdStartLegCount -= legs.Legs[slot];
            ColdStartLegUsd -= legs.Usd[slot];
        }

        SumUsd -= _usd[slot];
        SumAsset -= _asset[slot];
        SumCount -= _count[slot];
        LargeLegUsd -= _largeLegUsd[slot];
        LargeLegCount -= _largeLegCount[slot];
        OutsizedUsd -= _outsizedUsd[slot];
        OutsizedCount -= _outsizedCount[slot];
        _index[slot] = Empty;
    }

    private bool TryLiveSlot(DateTimeOffset time, out int slot)
    {
        var bucket = BucketOf(time);
        slot = Slot(bucket);
        return _head != Empty && bucket > _head - BucketCount && _index[slot] == bucket;
    }

    private long FindBalanceStart(long from)
    {
        for (var b = from; b <= _head; b++)
        {
            var slot = Slot(b);
            if (_index[slot] == b && _firstBalanceTicks[slot] != long.MaxValue)
            {
                return b;
            }
        }

        return Empty;
    }

    private int Slot(long bucket) => (int)(((bucket % BucketCount) + BucketCount) % BucketCount);

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_head);
        writer.Write(_origin);
        writer.Write(CountBuckets(i => _index[i] != Empty));
        for (var i = 0; i < BucketCount; i++)
        {
            if (_index[i] == Empty)
            {
                continue;
            }

            writer.Write(_index[i]);
            writer.Write(_usd[i]);
            writer.Write(_asset[i]);
            writer.Write(_maxUsd[i]);
            writer.Write(_count[i]);
            writer.Write(_firstBalanceTicks[i]);
            writer.Write(_firstBalanceBefore[i]);
            writer.Write(_largeLegUsd[i]);
            writer.Write(_largestLegUsd[i]);
            writer.Write(_largeLegCount[i]);
            writer.Write(_outsizedUsd[i]);
            writer.Write(_outsizedCount[i]);
        }
    }

    /// <summary>Writes the judged and rare counts of the live buckets (a section of its own, so older snapshots load without it).</summary>
    internal void WriteJudged(BinaryWriter writer)
    {
        writer.Write(CountBuckets(IsJudged));
        for (var i = 0; i < BucketCount; i++)
        {
            if (!IsJudged(i))
            {
                continue;
            }

            var judged = _judged!;
            writer.Write(_index[i]);
            writer.Write(judged.Judged[i]);
            writer.Write(judged.Rare[i]);
            writer.Write(judged.RareLegs[i]);
            writer.Write(judged.RareLegUsd[i]);
            writer.Write(judged.LargestRareLegUsd[i]);
        }
    }

    /// <summary>Reads what <see cref="WriteJudged"/> wrote, after <see cref="Read"/>; a bucket no longer held is refused.</summary>
    internal void ReadJudged(BinaryReader reader)
    {
        var live = reader.ReadInt32();
        for (var n = 0; n < live; n++)
        {
            var bucket = reader.ReadInt64();
            var slot = HeldSlot(bucket, "judged sizes");
            var judged = _judged ??= new JudgedBuckets(BucketCount);
            if (judged.Judged[slot] != 0)
            {
                throw new InvalidDataException($"judged sizes for bucket {bucket} twice");
            }

            var judgedCount = reader.ReadInt32();
            var rare = reader.ReadInt32();
            var legs = reader.ReadInt32();
            var legUsd = reader.ReadDecimal();
            var largest = reader.ReadDecimal();
            if (judgedCount <= 0 || judgedCount > _count[slot] || rare < 0 || rare > judgedCount || legs < 0 || legs > rare || legUsd < 0 || largest < 0 || largest > legUsd)
            {
                throw new InvalidDataException($"judged sizes for bucket {bucket} out of range: {judgedCount} judged of {_count[slot]}, {rare} rare, {legs} legs of {legUsd} USD, the largest {largest}");
            }

            judged.Judged[slot] = judgedCount;
            judged.Rare[slot] = rare;
            judged.RareLegs[slot] = legs;
            judged.RareLegUsd[slot] = legUsd;
            judged.LargestRareLegUsd[slot] = largest;
            RareLegCount += judged.RareLegs[slot];
            RareLegUsd += judged.RareLegUsd[slot];
        }
    }

    /// <summary>Writes the cold-start legs of the live buckets (a section of its own, so older snapshots load without it).</summary>
    internal void WriteColdStartLegs(BinaryWriter writer)
    {
        writer.Write(CountBuckets(HasColdStartLegs));
        for (var i = 0; i < BucketCount; i++)
        {
            if (!HasColdStartLegs(i))
            {
                continue;
            }

            writer.Write(_index[i]);
            writer.Write(_coldStartLegs!.Candidates[i]);
            writer.Write(_coldStartLegs.Legs[i]);
            writer.Write(_coldStartLegs.Usd[i]);
        }
    }

    /// <summary>Reads what <see cref="WriteColdStartLegs"/> wrote, after <see cref="Read"/>; a bucket no longer held is refused.</summary>
    internal void ReadColdStartLegs(BinaryReader reader)
    {
        var live = reader.ReadInt32();
        for (var n = 0; n < live; n++)
        {
            var bucket = reader.ReadInt64();
            var slot = HeldSlot(bucket, "cold-start legs");
            var buckets = _coldStartLegs ??= new ColdStartLegBuckets(BucketCount);
            if (buckets.Candidates[slot] != 0)
            {
                throw new InvalidDataException($"cold-start legs for bucket {bucket} twice");
            }

            var candidates = reader.ReadInt32();
            var legs = reader.ReadInt32();
            var usd = reader.ReadDecimal();
            // A leg may be worth $0 (an unpriced asset, with the leg size set to 0), so only a negative sum is damage.
            if (candidates <= 0 || candidates > _count[slot] || legs < 0 || legs > candidates || usd < 0 || usd > _usd[slot] || (legs == 0 && usd != 0))
            {
                throw new InvalidDataException(
                    $"cold-start legs for bucket {bucket} out of range: {candidates} candidates of {_count[slot]} withdrawals, {legs} legs, {usd} of {_usd[slot]} USD");
            }

            buckets.Candidates[slot] = candidates;
            buckets.Legs[slot] = legs;
            buckets.Usd[slot] = usd;
            ColdStartCandidateCount += candidates;
            ColdStartLegCount += legs;
            ColdStartLegUsd += usd;
        }
    }

    /// <summary>
    /// Writes the largest cold-start leg of each live bucket that holds legs: a section after <see cref="WriteColdStartLegs"/>
    /// (version 8 on), so the older layout stays a prefix.
    /// </summary>
    internal void WriteLargestColdStartLegs(BinaryWriter writer)
    {
        writer.Write(CountBuckets(HasColdStartLegUsd));
        for (var i = 0; i < BucketCount; i++)
        {
            if (HasColdStartLegUsd(i))
            {
                writer.Write(_index[i]);
                writer.Write(_coldStartLegs!.Largest[i]);
            }
        }
    }

    /// <summary>
    /// Reads what <see cref="WriteLargestColdStartLegs"/> wrote, after <see cref="ReadColdStartLegs"/>. A largest leg must
    /// lie between the bucket's mean leg and its legs' USD; a bucket without legs, or not held, is refused.
    /// </summary>
    internal void ReadLargestColdStartLegs(BinaryReader reader)
    {
        var live = reader.ReadInt32();
        for (var n = 0; n < live; n++)
        {
            var bucket = reader.ReadInt64();
            var slot = HeldSlot(bucket, "largest cold-start leg");
            var largest = reader.ReadDecimal();
            if (_coldStartLegs is not { } legs || legs.Legs[slot] == 0 || legs.Largest[slot] != 0
                || largest > legs.Usd[slot] || largest * legs.Legs[slot] < legs.Usd[slot] || largest <= 0)
            {
                throw new InvalidDataException($"largest cold-start leg for bucket {bucket} out of range or given twice: {largest} USD");
            }

            legs.Largest[slot] = largest;
        }
    }

    /// <summary>How many buckets a section of the snapshot writes: the count comes first, so the reader knows how many follow.</summary>
    private int CountBuckets(Func<int, bool> inSection)
    {
        var count = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            if (inSection(i))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The slot of a bucket a section of the snapshot names, read after the window itself: one it does not hold is damage.</summary>
    private int HeldSlot(long bucket, string section)
    {
        var slot = Slot(bucket);
        if (_index[slot] != bucket)
        {
            throw new InvalidDataException($"{section} for bucket {bucket}, which the window does not hold");
        }

        return slot;
    }

    private bool HasColdStartLegs(int slot) => _coldStartLegs is { } legs && _index[slot] != Empty && legs.Candidates[slot] > 0;

    // Legs worth $0 (an unpriced asset, with the leg size set to 0) have no largest to keep, nor does a bucket restored from
    // a snapshot older than the largest legs.
    private bool HasColdStartLegUsd(int slot) => HasColdStartLegs(slot) && _coldStartLegs!.Largest[slot] > 0;

    private bool IsJudged(int slot) => _judged is { } judged && _index[slot] != Empty && judged.Judged[slot] > 0;

    /// <param name="withOutsized">False for snapshots older than the outsized marks: the window then counts every withdrawal as ordinary until its buckets leave.</param>
    internal void Read(BinaryReader reader, bool withOutsized)
    {
        _head = reader.ReadInt64();
        _origin = reader.ReadInt64();
        var live = reader.ReadInt32();
        for (var n = 0; n < live; n++)
        {
            var bucket = reader.ReadInt64();
            var slot = Slot(bucket);
            _index[slot] = bucket;
            _usd[slot] = reader.ReadDecimal();
            _asset[slot] = reader.ReadDecimal();
            _maxUsd[slot] = reader.ReadDecimal();
            _count[slot] = reader.ReadInt32();
            _firstBalanceTicks[slot] = reader.ReadInt64();
            _firstBalanceBefore[slot] = reader.ReadDecimal();
            _largeLegUsd[slot] = reader.ReadDecimal();
            _largestLegUsd[slot] = reader.ReadDecimal();
            _largeLegCount[slot] = reader.ReadInt32();
            if (withOutsized)
            {
                _outsizedUsd[slot] = reader.ReadDecimal();
                _outsizedCount[slot] = reader.ReadInt32();
            }

            SumUsd += _usd[slot];
            SumAsset += _asset[slot];
            SumCount += _count[slot];
            LargeLegUsd += _largeLegUsd[slot];
            LargeLegCount += _largeLegCount[slot];
            OutsizedUsd += _outsizedUsd[slot];
            OutsizedCount += _outsizedCount[slot];
        }

        _balanceStart = _head == Empty ? Empty : FindBalanceStart(_head - BucketCount + 1);
    }

    /// <summary>Per bucket: withdrawals that could have been cold-start legs, and the count, USD and largest of those that were.</summary>
    private sealed class ColdStartLegBuckets(int bucketCount)
    {
        public int[] Candidates { get; } = new int[bucketCount];

        public int[] Legs { get; } = new int[bucketCount];

        public decimal[] Usd { get; } = new decimal[bucketCount];

        public decimal[] Largest { get; } = new decimal[bucketCount];

        public void Clear(int slot)
        {
            Candidates[slot] = 0;
            Legs[slot] = 0;
            Usd[slot] = 0;
            Largest[slot] = 0;
        }
    }

    /// <summary>Per bucket: withdrawals judged for their size, how many were rare, and the rare legs' count, USD and largest.</summary>
    private sealed class JudgedBuckets(int bucketCount)
    {
        public int[] Judged { get; } = new int[bucketCount];

        public int[] Rare { get; } = new int[bucketCount];

        public int[] RareLegs { get; } = new int[bucketCount];

        public decimal[] RareLegUsd { get; } = new decimal[bucketCount];

        public decimal[] LargestRareLegUsd { get; } = new decimal[bucketCount];

        public void Clear(int slot)
        {
            Judged[slot] = 0;
            Rare[slot] = 0;
            RareLegs[slot] = 0;
            RareLegUsd[slot] = 0;
            LargestRareLegUsd[slot] = 0;
        }
    }
}
